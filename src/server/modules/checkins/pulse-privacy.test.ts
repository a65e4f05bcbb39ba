import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, freshEnv, type TestEnv } from "../../../../test/support/harness";
import { addDays } from "../../../core/time";
import { systemClock } from "../../platform/clock";
import { digestTitle, postDueDigests } from "./digest.jobs";
import { answerRitual, buildPulseRitual, londonWeeks, type PulseRitual } from "./pulse.fixtures";

/**
 * Issue 15's promise, checked across every check-in route at once: a pulse answer is never shown
 * tied to its author to anyone else — not the lead, HR, admins, the ritual's owner or the team —
 * and below the minimum group size not even as an aggregate. Four people answer (one short of 5).
 */

interface Respondent {
  person: TestPerson;
  value: number;
  comment: string;
}

// Its own database: the digest job posts every organisation's due digests, and the clock moves.
let env: TestEnv;
let org: TestOrg;
let ritual: PulseRitual;
let lead: TestPerson;
let respondents: Respondent[];
let occurrenceOf: Map<string, string>;
let localDate: string;

beforeAll(async () => {
  env = await freshEnv();
  org = await makeOrg(env);
  // A lead who is a plain member by role; the organisation's manager has no part in the ritual.
  lead = await org.add("member", { name: "Lee Lead" });
  const others = [
    await org.add("member", { name: "Avery Quinn" }),
    await org.add("member", { name: "Blake Rowe" }),
    await org.add("member", { name: "Casey Stone" }),
  ];
  ritual = await buildPulseRitual(env, org, 4, { lead, others });
  const [avery, blake, casey] = others as [TestPerson, TestPerson, TestPerson];
  respondents = [
    { person: org.member, value: 2, comment: "pulse-secret-of-the-member" },
    { person: avery, value: 5, comment: "pulse-secret-of-avery" },
    { person: blake, value: 4, comment: "pulse-secret-of-blake" },
    { person: casey, value: 1, comment: "pulse-secret-of-casey" },
  ];
  localDate = addDays(londonWeeks(env).today, -1);
  occurrenceOf = new Map();
  for (const r of respondents) {
    const blocker =
      r.person === org.member
        ? { text: "Waiting for the design review", unblocker: lead }
        : r.person === avery
          ? { text: "Need access to the staging server", unblocker: org.member }
          : undefined;
    const id = await answerRitual(env, ritual, r.person, localDate, {
      pulse: r.value,
      comment: r.comment,
      text: `Shipped the release notes, says ${r.person.person.name}`,
      ...(blocker ? { blocker } : {}),
    });
    occurrenceOf.set(r.person.person.id, id);
  }
});

const CALLERS = ["owner", "admin", "hr", "manager", "member", "lead"] as const;
type CallerName = (typeof CALLERS)[number];
const personOf = (who: CallerName): TestPerson => (who === "lead" ? lead : org[who]);

/** Every check-in route a person may call about the ritual, with what they are answered. */
async function sweep(viewer: TestPerson, extra: string[] = []) {
  const id = ritual.checkin.id;
  const someoneElse = respondents.find((r) => r.person !== viewer) as Respondent;
  const theirs = occurrenceOf.get(someoneElse.person.person.id) as string;
  const urls = [
    "/api/v1/checkins",
    `/api/v1/checkins/${id}`,
    "/api/v1/checkins/due",
    `/api/v1/checkins/${id}/digest`,
    `/api/v1/checkins/${id}/digest?localDate=${localDate}`,
    `/api/v1/checkins/${id}/pulse`,
    `/api/v1/checkins/${id}/participation`,
    "/api/v1/blockers",
    "/api/v1/blockers?assignee=me&status=all",
    `/api/v1/blockers?teamId=${ritual.checkin.teamId}&status=all`,
    "/api/v1/organisation/privacy",
    ...extra,
  ];
  const answers = [];
  for (const url of urls) {
    const res = await call(env, "GET", url, { as: viewer.caller });
    answers.push({ url, status: res.statusCode, body: res.json() as unknown });
  }
  const other = await call(env, "GET", `/api/v1/checkin-occurrences/${theirs}`, { as: viewer.caller });
  const answerOther = await call(env, "POST", `/api/v1/checkin-occurrences/${theirs}/answers`, {
    as: viewer.caller,
    body: { answers: [{ questionId: ritual.pulseId, value: 3 }] },
  });
  for (const res of [other, answerOther])
    answers.push({ url: "someone else's occurrence", status: res.statusCode, body: res.json() as unknown });
  return answers;
}

/**
 * What in a body would show someone else's pulse answer: their comment; a pulse answer whose value is
 * not the viewer's own; a pulse question summarised with more than a count (below the group size);
 * an average or distribution anywhere but the viewer's own trend (`mine`, equal to their own rating);
 * text naming another respondent within 40 characters of their rating (on one line).
 */
function leaksIn(body: unknown, viewer: TestPerson): string[] {
  const own = respondents.find((r) => r.person === viewer);
  const others = respondents.filter((r) => r.person !== viewer);
  const leaks: string[] = [];
  const visit = (node: unknown, path: string[]) => {
    if (typeof node === "string") {
      for (const r of others) {
        if (node.includes(r.comment)) leaks.push(`${path.join(".")}: the comment of ${r.person.person.name}`);
        const name = r.person.person.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        const beside = new RegExp(`${name}.{0,40}\\b${r.value}\\b|\\b${r.value}\\b.{0,40}${name}`);
        if (beside.test(node))
          leaks.push(`${path.join(".")}: "${node}" names ${r.person.person.name} beside their rating`);
      }
      return;
    }
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) visit(item, [...path, String(i)]);
      return;
    }
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (o.questionId === ritual.pulseId && o.value != null && o.value !== own?.value)
      leaks.push(`${path.join(".")}: a pulse answer of ${String(o.value)}`);
    if (o.id === ritual.pulseId && "respondents" in o) {
      const extra = Object.keys(o).filter((k) =>
        ["answers", "average", "distribution", "comments"].includes(k),
      );
      if (extra.length > 0) leaks.push(`${path.join(".")}: the pulse question shows ${extra.join(", ")}`);
    }
    if ("average" in o || "distribution" in o) {
      const mine =
        path.includes("mine") && own !== undefined && o.average === own.value && !("distribution" in o);
      if (!mine) leaks.push(`${path.join(".")}: an aggregate of ${JSON.stringify(o)}`);
    }
    for (const [key, value] of Object.entries(o)) visit(value, [...path, key]);
  };
  visit(body, []);
  return leaks;
}

describe("pulse privacy across every check-in route", () => {
  it("shows no one another person's pulse answer, nor an aggregate of 4, while the window is open", async () => {
    for (const who of CALLERS) {
      const viewer = personOf(who);
      const answers = await sweep(viewer);
      for (const { url, status, body } of answers)
        expect({ who, url, status: status < 500, leaks: leaksIn(body, viewer) }).toEqual({
          who,
          url,
          status: true,
          leaks: [],
        });
      // Someone else's occurrence does not exist for anyone, reading or answering.
      const other = answers.filter((a) => a.url === "someone else's occurrence").map((a) => a.status);
      expect({ who, other }).toEqual({ who, other: [404, 404] });
      // Team pulse is read by the team, its lead and owner, HR and admins (as a count here).
      const pulse = answers.find((a) => a.url.endsWith("/pulse"));
      expect({ who, status: pulse?.status }).toEqual({ who, status: who === "manager" ? 404 : 200 });
    }
  });

  it("leaves each person their own answer (so the sweep does see pulse values when they are there)", async () => {
    const due = await call(env, "GET", "/api/v1/checkins/due", { as: org.member.caller });
    const mine = due
      .json()
      .occurrences.flatMap((o: { answers: { questionId: string; value: unknown }[] }) =>
        o.answers.filter((a) => a.questionId === ritual.pulseId),
      );
    expect(mine.map((a: { value: unknown }) => a.value)).toEqual([2]);
    const pulse = await call(env, "GET", `/api/v1/checkins/${ritual.checkin.id}/pulse`, {
      as: org.member.caller,
    });
    expect(pulse.json().mine).toEqual([expect.objectContaining({ average: 2 })]);
    // Seen by anyone else, these very bodies would be leaks: the checker knows one when it sees one.
    expect(leaksIn(pulse.json(), lead)).toEqual([expect.stringContaining("aggregate")]);
    expect(leaksIn(due.json(), lead)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("a pulse answer of 2"),
        expect.stringContaining("the comment of"),
      ]),
    );
  });

  it("posts a digest that shows no one another person's pulse answer, in the feed and the inbox too", async () => {
    const later = env.deps.clock.now().getTime() + 25 * 3_600_000;
    env.deps.clock = { now: () => new Date(later) };
    try {
      expect(await postDueDigests(env.deps)).toBe(1);
      for (const who of CALLERS) {
        const viewer = personOf(who);
        const feed = await call(env, "GET", "/api/v1/updates", { as: viewer.caller });
        const updates: { id: string; title: string }[] = feed.json().updates ?? [];
        const updateIds = updates.map((u) => u.id);
        // The team and its lead read the digest in the feed (so its body is swept too).
        if (who === "member" || who === "lead")
          expect({ who, titles: updates.map((u) => u.title) }).toEqual({
            who,
            titles: expect.arrayContaining([digestTitle("Team health", localDate)]),
          });
        const answers = await sweep(viewer, [
          "/api/v1/updates",
          "/api/v1/inbox",
          ...updateIds.map((id: string) => `/api/v1/updates/${id}`),
        ]);
        for (const { url, status, body } of answers)
          expect({ who, url, status: status < 500, leaks: leaksIn(body, viewer) }).toEqual({
            who,
            url,
            status: true,
            leaks: [],
          });
        const digest = answers.find((a) => a.url.endsWith(`digest?localDate=${localDate}`));
        if (digest?.status === 200)
          expect((digest.body as { digest: { closed: boolean } }).digest.closed).toBe(true);
      }
    } finally {
      env.deps.clock = systemClock;
    }
  });
});
