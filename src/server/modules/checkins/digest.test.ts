import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCheckin, buildOccurrence, buildTeam } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, freshEnv, type TestEnv, testEnv } from "../../../../test/support/harness";
import { utc } from "../../../../test/support/time";
import type { CheckinView, DigestQuestion, DigestView, QuestionBody } from "../../../contracts/checkins";
import { systemClock } from "../../platform/clock";
import { notifications } from "../notifications";
import { updates } from "../updates";
import { checkinDigests } from "./checkins.table";
import { postDueDigests } from "./digest.jobs";

// Europe/London in December is UTC: makeOrg's people work Monday to Friday, 09:00–17:00.
const WED_NOON = utc(2026, 12, 9, 12);
/** Every window below has closed, and Wednesday 9 December is over in London. */
const FRIDAY = utc(2026, 12, 11, 9);
const CLOSES = new Date(utc(2026, 12, 10, 18));
const LABELS = ["One", "Two", "Three", "Four", "Five"];
const QUESTIONS: QuestionBody[] = [
  { type: "text", prompt: "What did you ship?" },
  { type: "scale", prompt: "How confident are you?", options: LABELS },
  { type: "yes_no", prompt: "On track?" },
  { type: "pulse", prompt: "How do you feel?", options: LABELS },
  { type: "blocker", prompt: "Anything blocking you?" },
];

const READERS = ["owner", "admin", "hr", "manager", "member"] as const;

/**
 * A team led by the manager (who runs the ritual) with the member, HR, the admin and `extra` more
 * members; the organisation's owner is named besides the team: every role answers it.
 */
async function ritual(env: TestEnv, extra: number) {
  const org = await makeOrg(env);
  const others: TestPerson[] = [];
  for (let i = 0; i < extra; i++) others.push(await org.add("member", { name: `Person ${i + 1}` }));
  const { team } = await buildTeam(env, {
    org,
    lead: org.manager,
    members: [org.member, org.hr, org.admin, ...others],
  });
  const { checkin } = await buildCheckin(env, {
    org,
    team,
    owner: org.manager,
    participants: [org.owner],
    name: "Standup",
    questions: QUESTIONS,
  });
  const everyone = [org.owner, org.admin, org.hr, org.manager, org.member, ...others];
  return { org, team, checkin, everyone, others };
}

/** Occurrences of `localDate` for everyone, and answers from the first `answering` of `order`. */
async function day(
  env: TestEnv,
  r: Awaited<ReturnType<typeof ritual>>,
  localDate: string,
  order: TestPerson[],
  answering: number,
) {
  const ids = new Map<string, string>();
  for (const person of r.everyone) {
    const { occurrence } = await buildOccurrence(env, {
      org: r.org,
      checkin: r.checkin,
      person,
      localDate,
      closesAt: CLOSES,
    });
    ids.set(person.person.id, occurrence.id);
  }
  const q = (type: string) => r.checkin.questions.find((question) => question.type === type)?.id;
  for (const [i, person] of order.slice(0, answering).entries()) {
    const res = await call(env, "POST", `/api/v1/checkin-occurrences/${ids.get(person.person.id)}/answers`, {
      as: person.caller,
      body: {
        answers: [
          { questionId: q("text"), text: `Shipped part ${i + 1}` },
          { questionId: q("scale"), value: i % 2 === 0 ? 2 : 4 },
          { questionId: q("yes_no"), value: i !== 2 },
          { questionId: q("pulse"), value: 1 + (i % 5), text: `Feeling note ${i + 1}` },
          ...(i === 0
            ? [{ questionId: q("blocker"), text: "Waiting on design", unblockerId: r.org.manager.person.id }]
            : []),
        ],
      },
    });
    expect(res.statusCode).toBe(201);
  }
}

async function digestFor(env: TestEnv, person: TestPerson, checkin: CheckinView, localDate?: string) {
  const query = localDate ? `?localDate=${localDate}` : "";
  const res = await call(env, "GET", `/api/v1/checkins/${checkin.id}/digest${query}`, { as: person.caller });
  expect(res.statusCode).toBe(200);
  return res.json().digest as DigestView;
}

const question = (digest: DigestView, type: DigestQuestion["type"]) =>
  digest.questions.find((q) => q.type === type);

describe("a ritual's digest", () => {
  let env: TestEnv;
  let r: Awaited<ReturnType<typeof ritual>>;
  let order: TestPerson[];
  beforeAll(async () => {
    env = await testEnv();
    env.deps.clock = { now: () => new Date(WED_NOON) };
    r = await ritual(env, 7); // 12 participants
    // The five roles answer first, so each reads a digest they took part in.
    order = [r.org.member, r.org.admin, r.org.hr, r.org.owner, r.org.manager, ...r.others];
    await day(env, r, "2026-12-07", order, 4);
    await day(env, r, "2026-12-08", order, 5);
    await day(env, r, "2026-12-09", order, 10);
  });
  afterAll(() => {
    env.deps.clock = systemClock;
  });

  it("sums up the answers: texts with their authors, scale averages, yes/no counts, blockers", async () => {
    const digest = await digestFor(env, r.org.member, r.checkin, "2026-12-07");
    expect(digest).toMatchObject({
      checkinId: r.checkin.id,
      checkinName: "Standup",
      localDate: "2026-12-07",
      closed: false,
      updateId: null,
      participants: 12,
      answered: 4,
      dates: ["2026-12-09", "2026-12-08", "2026-12-07"],
    });
    expect(digest.questions.map((q) => q.prompt)).toEqual(QUESTIONS.map((q) => q.prompt));
    // All answered at one instant: in any order, each with its author.
    const byText = (a: { text: string }, b: { text: string }) => a.text.localeCompare(b.text);
    expect(question(digest, "text")?.answers?.sort(byText)).toEqual(
      order.slice(0, 4).map((p, i) => ({
        person: { id: p.person.id, name: p.person.name },
        text: `Shipped part ${i + 1}`,
        late: false,
      })),
    );
    expect(question(digest, "scale")).toMatchObject({
      respondents: 4,
      average: 3,
      distribution: [0, 2, 0, 2, 0],
    });
    expect(question(digest, "yes_no")).toMatchObject({ respondents: 4, yes: 3, no: 1 });
    expect(digest.blockers).toMatchObject([
      {
        text: "Waiting on design",
        author: { id: r.org.member.person.id },
        assignee: { id: r.org.manager.person.id },
      },
    ]);
  });

  it("withholds the pulse below 5 respondents from every role, HR, admin and owner included", async () => {
    for (const who of READERS) {
      const pulse = question(await digestFor(env, r.org[who], r.checkin, "2026-12-07"), "pulse");
      expect({ who, pulse }).toEqual({
        who,
        pulse: {
          id: expect.any(String),
          type: "pulse",
          prompt: "How do you feel?",
          respondents: 4,
          withheld: "Shown for groups of 5 or more",
        },
      });
    }
  });

  it("shows the pulse average and distribution from 5 respondents, its comments only from 10", async () => {
    for (const who of READERS) {
      const five = question(await digestFor(env, r.org[who], r.checkin, "2026-12-08"), "pulse");
      expect({ who, five }).toEqual({
        who,
        five: expect.objectContaining({ respondents: 5, average: 3, distribution: [1, 1, 1, 1, 1] }),
      });
      expect(five).not.toHaveProperty("comments");
      expect(five).not.toHaveProperty("withheld");
      expect(five).not.toHaveProperty("answers");
    }
    const ten = question(await digestFor(env, r.org.member, r.checkin), "pulse");
    expect(ten).toMatchObject({ respondents: 10, average: 3, distribution: [2, 2, 2, 2, 2] });
    expect(ten?.comments).toHaveLength(10);
    expect(ten?.comments).toContain("Feeling note 1");
    expect(JSON.stringify(ten)).not.toContain(r.org.member.person.name);
  });

  it("lists who has not answered to the ritual's lead only", async () => {
    const lead = await digestFor(env, r.org.manager, r.checkin, "2026-12-07");
    const missing = r.everyone.filter((p) => !order.slice(0, 4).includes(p));
    expect(lead.notAnswered?.map((p) => p.id).sort()).toEqual(missing.map((p) => p.person.id).sort());
    for (const who of ["owner", "admin", "hr", "member"] as const)
      expect(await digestFor(env, r.org[who], r.checkin, "2026-12-07")).not.toHaveProperty("notAnswered");
  });

  it("is empty before anything was delivered (no date to pick)", async () => {
    const { checkin } = await buildCheckin(env, { org: r.org, participants: [r.org.member] });
    expect(await digestFor(env, r.org.member, checkin)).toMatchObject({
      localDate: "",
      participants: 0,
      answered: 0,
      questions: [],
      blockers: [],
      dates: [],
    });
  });

  it("is refused to those outside the ritual: 403 to an admin, 404 to HR, a member and another organisation", async () => {
    const url = `/api/v1/checkins/${r.checkin.id}/digest`;
    const admin = await r.org.add("admin");
    expect((await call(env, "GET", url, { as: admin.caller })).statusCode).toBe(403);
    const hr = await r.org.add("hr");
    expect((await call(env, "GET", url, { as: hr.caller })).statusCode).toBe(404);
    const member = await r.org.add("member");
    expect((await call(env, "GET", url, { as: member.caller })).statusCode).toBe(404);
    const foreign = await makeOrg(env);
    expect((await call(env, "GET", url, { as: foreign.admin.caller })).statusCode).toBe(404);
  });
});

describe("posting the digest (post-checkin-digests)", () => {
  let env: TestEnv;
  let now = WED_NOON;
  beforeAll(async () => {
    // Its own database: the sweep covers every organisation's rituals.
    env = await freshEnv();
    env.deps.clock = { now: () => new Date(now) };
  });

  const digestsOf = async (org: TestOrg) =>
    env.deps.db.select().from(checkinDigests).where(eq(checkinDigests.organisationId, org.organisation.id));

  it("posts once with two runs at once, to the team's feed, without pulse values under the threshold", async () => {
    now = WED_NOON;
    const r = await ritual(env, 1); // 6 participants
    const order = [r.org.member, r.org.admin, r.org.hr, r.org.owner];
    await day(env, r, "2026-12-09", order, 4);
    // A later date whose window is still open is left for later.
    await buildOccurrence(env, {
      org: r.org,
      checkin: r.checkin,
      person: r.org.member,
      localDate: "2026-12-10",
      closesAt: new Date(utc(2026, 12, 12)),
    });

    now = FRIDAY;
    const runs = await Promise.all([postDueDigests(env.deps), postDueDigests(env.deps)]);
    expect(runs[0] + runs[1]).toBe(1);
    const [posted, ...more] = await digestsOf(r.org);
    expect(more).toEqual([]);
    expect(posted).toMatchObject({
      checkinId: r.checkin.id,
      localDate: "2026-12-09",
      postedAt: new Date(FRIDAY),
    });
    expect(await postDueDigests(env.deps)).toBe(0);

    const [update, ...others] = await env.deps.db
      .select()
      .from(updates)
      .where(and(eq(updates.organisationId, r.org.organisation.id), eq(updates.kind, "checkin_digest")));
    expect(others).toEqual([]);
    expect(update).toMatchObject({
      id: posted?.updateId,
      authorId: r.org.manager.person.id,
      title: "Standup: digest for Wednesday, 9 December 2026",
      audienceTeamId: r.team.id,
    });
    const body = update?.body ?? "";
    expect(body).toContain("4 of 6 answered");
    expect(body).toContain(`**${r.org.member.person.name}**: Shipped part 1`);
    expect(body).toContain("Average 3 of 5 from 4 answers");
    expect(body).toContain("Yes: 3 · No: 1");
    expect(body).toContain(`Waiting on design — **${r.org.manager.person.name}** can unblock`);
    const pulse = body.split("### ").find((part) => part.startsWith("How do you feel?"));
    expect(pulse?.trim()).toBe("How do you feel?\n\n_Shown for groups of 5 or more_");
    expect(body).not.toContain("Feeling note");
    // Names of those who did not answer are for the lead, never the feed.
    const silent = r.everyone.filter((p) => !order.includes(p) && p !== r.org.manager);
    for (const p of silent) expect(body).not.toContain(p.person.name);

    const read = await call(env, "GET", `/api/v1/updates/${update?.id}`, {
      as: r.others[0]?.caller ?? r.org.member.caller,
    });
    expect(read.statusCode).toBe(200);
    const digest = await digestFor(env, r.org.member, r.checkin, "2026-12-09");
    expect(digest).toMatchObject({ closed: true, updateId: update?.id });
    const told = await env.deps.db
      .select({ n: count() })
      .from(notifications)
      .where(
        and(
          eq(notifications.organisationId, r.org.organisation.id),
          eq(notifications.kind, "checkin.digest"),
        ),
      );
    expect(told[0]?.n).toBe(6);
    expect((await digestFor(env, r.org.member, r.checkin, "2026-12-10")).closed).toBe(false);
  });

  it("waits while a window of the date is still open, or the date is not over in a participant's zone", async () => {
    now = WED_NOON;
    const r = await ritual(env, 0);
    const late = new Date(utc(2026, 12, 11, 12));
    await buildOccurrence(env, {
      org: r.org,
      checkin: r.checkin,
      person: r.org.member,
      localDate: "2026-12-09",
      closesAt: CLOSES,
    });
    await buildOccurrence(env, {
      org: r.org,
      checkin: r.checkin,
      person: r.org.hr,
      localDate: "2026-12-09",
      closesAt: late,
    });
    now = FRIDAY;
    await postDueDigests(env.deps);
    expect(await digestsOf(r.org)).toEqual([]);

    // Someone in Honolulu (UTC−10) whose 9 December ends at 10:00 UTC on the 10th.
    const far = await ritual(env, 0);
    const honolulu = await far.org.add("member", { timeZone: "Pacific/Honolulu" });
    const { checkin } = await buildCheckin(env, {
      org: far.org,
      participants: [far.org.member, honolulu],
      questions: QUESTIONS,
    });
    await buildOccurrence(env, {
      org: far.org,
      checkin,
      person: far.org.member,
      localDate: "2026-12-09",
      closesAt: new Date(utc(2026, 12, 10, 8)),
    });
    now = utc(2026, 12, 10, 9);
    await postDueDigests(env.deps);
    expect(await digestsOf(far.org)).toEqual([]);
    now = utc(2026, 12, 10, 10);
    await postDueDigests(env.deps);
    expect((await digestsOf(far.org)).map((d) => d.checkinId)).toEqual([checkin.id]);
  });
});
