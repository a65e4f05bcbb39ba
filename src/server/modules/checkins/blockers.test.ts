import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCheckin, buildOccurrence, buildTeam } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { utc } from "../../../../test/support/time";
import type { BlockerView, CheckinView } from "../../../contracts/checkins";
import { systemClock } from "../../platform/clock";
import { notifications } from "../notifications";

// Europe/London in December is UTC: makeOrg's people work Monday to Friday, 09:00–17:00.
const WED_NOON = utc(2026, 12, 9, 12);
const WED_EVENING = utc(2026, 12, 9, 20);
const THU_0900 = utc(2026, 12, 10, 9);

let env: TestEnv;
let now = WED_NOON;
beforeAll(async () => {
  env = await testEnv();
  env.deps.clock = { now: () => new Date(now) };
});
afterAll(() => {
  env.deps.clock = systemClock;
});

/**
 * A team (the manager its lead; the member and HR its members) whose lead runs a daily standup, and
 * the member's occurrence of today, open.
 */
async function standup() {
  const org = await makeOrg(env);
  const { team } = await buildTeam(env, { org, lead: org.manager, members: [org.member, org.hr] });
  const { checkin } = await buildCheckin(env, { org, team, owner: org.manager });
  const { occurrence } = await buildOccurrence(env, {
    org,
    checkin,
    person: org.member,
    localDate: "2026-12-09",
  });
  return { org, team, checkin, occurrence };
}

const blockerQuestion = (checkin: CheckinView) => {
  const question = checkin.questions.find((q) => q.type === "blocker");
  if (!question) throw new Error("the standup asks no blocker question");
  return question;
};

/** The member answers the blocker question through the answer route. */
async function answerBlocker(
  org: TestOrg,
  checkin: CheckinView,
  occurrenceId: string,
  answer: { text: string; unblocker?: TestPerson; urgent?: boolean },
) {
  const res = await call(env, "POST", `/api/v1/checkin-occurrences/${occurrenceId}/answers`, {
    as: org.member.caller,
    body: {
      answers: [
        {
          questionId: blockerQuestion(checkin).id,
          text: answer.text,
          ...(answer.unblocker ? { unblockerId: answer.unblocker.person.id } : {}),
          ...(answer.urgent === undefined ? {} : { urgent: answer.urgent }),
        },
      ],
    },
  });
  expect(res.statusCode).toBe(201);
}

const toldAbout = (org: TestOrg, person: TestPerson) =>
  env.deps.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.organisationId, org.organisation.id),
        eq(notifications.recipientId, person.person.id),
        eq(notifications.kind, "checkin.blocker"),
      ),
    );

async function blockersOf(person: TestPerson, query = ""): Promise<BlockerView[]> {
  const res = await call(env, "GET", `/api/v1/blockers${query}`, { as: person.caller });
  expect(res.statusCode).toBe(200);
  return res.json().blockers;
}

const patch = (person: TestPerson, id: string, status: "resolved" | "open") =>
  call(env, "PATCH", `/api/v1/blockers/${id}`, { as: person.caller, body: { status } });

describe("raising a blocker", () => {
  it("tells the person named once, inside their hours; editing the text does not tell again", async () => {
    now = WED_NOON;
    const { org, checkin, occurrence } = await standup();
    await answerBlocker(org, checkin, occurrence.id, {
      text: "Waiting for the API keys",
      unblocker: org.admin,
    });

    const [told, ...more] = await toldAbout(org, org.admin);
    expect(more).toEqual([]);
    expect(told).toMatchObject({
      subject: `${org.member.person.name} is blocked and named you`,
      link: "/checkins/blockers",
      urgent: false,
      outsideHours: false,
      deliveredAt: new Date(WED_NOON),
    });
    expect(told?.body).toContain("Waiting for the API keys");
    const [mine] = await blockersOf(org.admin, "?assignee=me&status=open");
    expect(mine).toMatchObject({
      checkinId: checkin.id,
      occurrenceId: occurrence.id,
      author: { id: org.member.person.id, name: org.member.person.name },
      assignee: { id: org.admin.person.id },
      text: "Waiting for the API keys",
      status: "open",
      resolvedAt: null,
    });

    await answerBlocker(org, checkin, occurrence.id, {
      text: "Still waiting for the keys",
      unblocker: org.admin,
    });
    expect(await toldAbout(org, org.admin)).toHaveLength(1);
    const after = await blockersOf(org.admin, "?assignee=me");
    expect(after.map((b) => [b.id, b.text])).toEqual([[mine?.id, "Still waiting for the keys"]]);
  });

  it("tells the new person when the answer names someone else, and the blocker moves to them", async () => {
    now = WED_NOON;
    const { org, checkin, occurrence } = await standup();
    await answerBlocker(org, checkin, occurrence.id, { text: "Need a review", unblocker: org.admin });
    await answerBlocker(org, checkin, occurrence.id, { text: "Need a review", unblocker: org.hr });
    expect(await toldAbout(org, org.admin)).toHaveLength(1);
    expect(await toldAbout(org, org.hr)).toHaveLength(1);
    expect(await blockersOf(org.admin, "?assignee=me")).toEqual([]);
    expect((await blockersOf(org.hr, "?assignee=me")).map((b) => b.text)).toEqual(["Need a review"]);
  });

  it("waits for the start of their hours in the evening, unless the answerer marks it urgent", async () => {
    now = WED_EVENING;
    const calm = await standup();
    await answerBlocker(calm.org, calm.checkin, calm.occurrence.id, {
      text: "Tomorrow is fine",
      unblocker: calm.org.admin,
    });
    expect(await toldAbout(calm.org, calm.org.admin)).toMatchObject([
      { deliverAt: new Date(THU_0900), deliveredAt: null, outsideHours: true, urgent: false },
    ]);

    const urgent = await standup();
    await answerBlocker(urgent.org, urgent.checkin, urgent.occurrence.id, {
      text: "Production is down",
      unblocker: urgent.org.admin,
      urgent: true,
    });
    expect(await toldAbout(urgent.org, urgent.org.admin)).toMatchObject([
      { deliveredAt: new Date(WED_EVENING), outsideHours: true, urgent: true },
    ]);
    expect((await blockersOf(urgent.org.admin, "?assignee=me"))[0]?.urgent).toBe(true);
    now = WED_NOON;
  });

  it("tells nobody for a blocker naming no one, and lists it for its author", async () => {
    now = WED_NOON;
    const { org, checkin, occurrence } = await standup();
    await answerBlocker(org, checkin, occurrence.id, { text: "Slow laptop" });
    const rows = await env.deps.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.organisationId, org.organisation.id), eq(notifications.kind, "checkin.blocker")),
      );
    expect(rows).toEqual([]);
    expect(await blockersOf(org.member)).toMatchObject([{ text: "Slow laptop", assignee: null }]);
    expect(await blockersOf(org.hr)).toEqual([]);
  });
});

describe("resolving a blocker", () => {
  it("is for the person named, its author and the team's lead; reopening clears the resolution", async () => {
    now = WED_NOON;
    for (const resolver of ["admin", "member", "manager"] as const) {
      const { org, checkin, occurrence } = await standup();
      await answerBlocker(org, checkin, occurrence.id, { text: "Need access", unblocker: org.admin });
      const [blocker] = await blockersOf(org.member);
      const res = await patch(org[resolver], blocker?.id ?? "", "resolved");
      expect({ resolver, status: res.statusCode }).toEqual({ resolver, status: 200 });
      expect(res.json().blocker).toMatchObject({
        id: blocker?.id,
        status: "resolved",
        resolvedAt: new Date(WED_NOON).toISOString(),
      });
      expect(await blockersOf(org.admin, "?assignee=me")).toEqual([]);
      expect(await blockersOf(org.admin, "?assignee=me&status=resolved")).toHaveLength(1);

      const reopened = await patch(org[resolver], blocker?.id ?? "", "open");
      expect(reopened.json().blocker).toMatchObject({ status: "open", resolvedAt: null });
    }
  });

  it("answers 403 to a fellow participant, 404 to those who cannot see it", async () => {
    now = WED_NOON;
    const { org, checkin, occurrence } = await standup();
    await answerBlocker(org, checkin, occurrence.id, { text: "Need access", unblocker: org.admin });
    const [blocker] = await blockersOf(org.member);
    const id = blocker?.id ?? "";
    // HR is in the team: the digest shows them the blocker, but it is not theirs to resolve.
    expect((await patch(org.hr, id, "resolved")).statusCode).toBe(403);
    // The organisation's owner is not in the ritual: not even a hint that it exists.
    expect((await patch(org.owner, id, "resolved")).statusCode).toBe(404);
    expect((await patch((await makeOrg(env)).admin, id, "resolved")).statusCode).toBe(404);
    expect((await patch(org.admin, randomUUID(), "resolved")).statusCode).toBe(404);
    expect((await blockersOf(org.member))[0]?.status).toBe("open");
  });
});

describe("a team's blockers", () => {
  it("are listed for its lead, 403 for a member, 404 for a team that does not exist", async () => {
    now = WED_NOON;
    const { org, team, checkin, occurrence } = await standup();
    await answerBlocker(org, checkin, occurrence.id, { text: "Need a decision", unblocker: org.admin });
    expect((await blockersOf(org.manager, `?teamId=${team.id}`)).map((b) => b.text)).toEqual([
      "Need a decision",
    ]);
    const member = await call(env, "GET", `/api/v1/blockers?teamId=${team.id}`, { as: org.member.caller });
    expect(member.statusCode).toBe(403);
    const admin = await call(env, "GET", `/api/v1/blockers?teamId=${team.id}`, { as: org.admin.caller });
    expect(admin.statusCode).toBe(403);
    const unknown = await call(env, "GET", `/api/v1/blockers?teamId=${randomUUID()}`, {
      as: org.manager.caller,
    });
    expect(unknown.statusCode).toBe(404);
    // Another organisation's lead asking for this team: it does not exist for them.
    const other = await makeOrg(env);
    const foreign = await call(env, "GET", `/api/v1/blockers?teamId=${team.id}`, {
      as: other.manager.caller,
    });
    expect(foreign.statusCode).toBe(404);
  });
});
