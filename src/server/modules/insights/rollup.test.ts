import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildAbsence,
  buildCalendar,
  buildCheckin,
  buildMeeting,
  buildOccurrence,
  buildTeam,
  buildUpdate,
} from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, freshEnv, type TestEnv } from "../../../../test/support/harness";
import { eventually } from "../../../../test/support/onboarding";
import { addDays, DAY_MS, HOUR_MS } from "../../../core/time";
import { people } from "../people/people.table";
import { insightWeeks } from "./insights.table";
import { recomputeInsightsJob } from "./rollup.jobs";
import { recomputePersonWeeks } from "./rollup.service";

let env: TestEnv;
// A database of its own: the clock is this file's, and the worker here runs the jobs these changes queue.
beforeAll(async () => {
  env = await freshEnv();
});

/**
 * Weeks a few weeks after today (Mondays, UTC dates; London is on UTC or BST, either way inside the
 * 09:00–17:00 pattern at the hours used): near enough to now that an imported calendar's horizon
 * (90 days back, a year ahead of the real time) holds them.
 */
const today = new Date().toISOString().slice(0, 10);
const daysToMonday = (8 - new Date(`${today}T00:00:00Z`).getUTCDay()) % 7 || 7;
const WEEK1 = addDays(today, daysToMonday + 21);
const WEEK2 = addDays(WEEK1, 7);
/** An instant `days` after WEEK1's Monday at `hour` UTC. */
const inWeek1 = (days: number, hour: number) =>
  Date.parse(`${addDays(WEEK1, days)}T00:00:00Z`) + hour * HOUR_MS;
const iso = (ms: number) => new Date(ms).toISOString();

const setClock = (ms: number) => {
  const now = new Date(ms);
  env.deps.clock = { now: () => now };
};

/** Each recompute job this organisation's changes queued, run by its handler (as the worker would). */
async function runQueued(org: TestOrg): Promise<number> {
  const result = await env.deps.db.execute(
    sql`select data from pgboss.job where name = ${recomputeInsightsJob.name}
        and data->>'organisationId' = ${org.organisation.id}`,
  );
  const rows = (result as unknown as { rows: { data: unknown }[] }).rows;
  for (const { data } of rows)
    await recomputeInsightsJob.handle(env.deps, recomputeInsightsJob.payload.parse(data));
  return rows.length;
}

async function weekOf(person: TestPerson, weekStart: string) {
  const [row] = await env.deps.db
    .select()
    .from(insightWeeks)
    .where(and(eq(insightWeeks.personId, person.person.id), eq(insightWeeks.weekStart, weekStart)));
  return row;
}

/** An organisation whose clock stands at WEEK1's Monday 08:00 UTC. */
async function freshOrg() {
  setClock(inWeek1(0, 8));
  return makeOrg(env);
}

describe("insights rollups follow the changes that feed them", () => {
  it("reaches the rollup through the real job path: a meeting created is counted by the worker", async () => {
    const org = await freshOrg();
    const start = inWeek1(2, 10);
    await buildMeeting(env, { org, start: iso(start), durationMinutes: 45 });
    // No handler called here: the worker takes the job the creation queued.
    const row = await eventually(async () => {
      const week = await weekOf(org.manager, WEEK1);
      return week && week.meetingHours === 0.75 ? week : undefined;
    });
    expect(row).toMatchObject({
      organisationId: org.organisation.id,
      meetingHours: 0.75,
      afterHoursMeetingHours: 0,
    });
    expect((await weekOf(org.member, WEEK1))?.meetingHours).toBe(0.75);
  });

  it("meeting created → hours up; declined → down for that person; moved → both weeks right; cancelled → gone", async () => {
    const org = await freshOrg();
    await buildTeam(env, { org, members: [org.member, org.manager] });
    const { meeting } = await buildMeeting(env, { org, start: iso(inWeek1(2, 10)), durationMinutes: 60 });
    expect(await runQueued(org)).toBeGreaterThan(0);
    expect(await weekOf(org.member, WEEK1)).toMatchObject({ meetingHours: 1, sharedTeamMeetings: 1 });
    expect(await weekOf(org.manager, WEEK1)).toMatchObject({ meetingHours: 1, sharedTeamMeetings: 1 });

    let res = await call(env, "PUT", `/api/v1/meetings/${meeting.id}/rsvp`, {
      as: org.manager.caller,
      body: { response: "no" },
    });
    expect(res.statusCode).toBe(200);
    await runQueued(org);
    expect(await weekOf(org.manager, WEEK1)).toMatchObject({ meetingHours: 0, sharedTeamMeetings: 0 });
    // The organiser still goes, but no teammate does any more.
    expect(await weekOf(org.member, WEEK1)).toMatchObject({ meetingHours: 1, sharedTeamMeetings: 0 });

    res = await call(env, "PATCH", `/api/v1/meetings/${meeting.id}`, {
      as: org.member.caller,
      body: { start: iso(inWeek1(9, 13)), durationMinutes: 30 },
    });
    expect(res.statusCode).toBe(200);
    await runQueued(org);
    expect((await weekOf(org.member, WEEK1))?.meetingHours).toBe(0);
    expect((await weekOf(org.member, WEEK2))?.meetingHours).toBe(0.5);

    res = await call(env, "DELETE", `/api/v1/meetings/${meeting.id}`, { as: org.member.caller });
    expect(res.statusCode).toBe(204);
    await runQueued(org);
    expect((await weekOf(org.member, WEEK2))?.meetingHours).toBe(0);
  });

  it("a calendar imported counts its busy time, overlaps with a meeting once, and after hours apart", async () => {
    const org = await freshOrg();
    await buildMeeting(env, { org, start: iso(inWeek1(3, 13)), durationMinutes: 60 });
    // 12:00–14:00 overlaps the 13:00 meeting; Friday 18:00–19:00 is after 17:00 (London in winter and summer).
    const busy = [
      { start: inWeek1(3, 12), end: inWeek1(3, 14) },
      { start: inWeek1(4, 18), end: inWeek1(4, 19) },
    ];
    await buildCalendar(env, { org, person: org.member, busy });
    await runQueued(org);
    // 12:00–14:00 ∪ 13:00–14:00 once, and the Friday hour; 18:00 UTC is after 17:00 in London on GMT or BST.
    expect(await weekOf(org.member, WEEK1)).toMatchObject({ meetingHours: 3, afterHoursMeetingHours: 1 });
    expect((await weekOf(org.manager, WEEK1))?.meetingHours).toBe(1);
  });

  it("a changed working pattern or an absence changes focus time", async () => {
    const org = await freshOrg();
    await recomputePersonWeeks(
      env.deps,
      org.organisation.id,
      [org.member.person.id],
      inWeek1(0, 0),
      inWeek1(1, 0),
    );
    const before = await weekOf(org.member, WEEK1);
    expect(before).toMatchObject({ focusHours: 40, workingDays: 5, fragmentedHours: 0 });

    const mondayToWednesday = {
      mon: [{ start: "09:00", end: "17:00" }],
      tue: [{ start: "09:00", end: "17:00" }],
      wed: [{ start: "09:00", end: "17:00" }],
    };
    const res = await call(env, "PUT", `/api/v1/people/${org.member.person.id}/working-pattern`, {
      as: org.member.caller,
      body: { week: mondayToWednesday },
    });
    expect(res.statusCode).toBe(200);
    await runQueued(org);
    expect(await weekOf(org.member, WEEK1)).toMatchObject({ focusHours: 24, workingDays: 3 });

    await buildAbsence(env, { org, person: org.member, start: addDays(WEEK1, 1), end: addDays(WEEK1, 1) });
    await runQueued(org);
    expect(await weekOf(org.member, WEEK1)).toMatchObject({ focusHours: 16, workingDays: 2 });
  });

  it("an answered check-in counts as participation", async () => {
    const org = await freshOrg();
    setClock(inWeek1(1, 10));
    const { checkin } = await buildCheckin(env, { org, participants: [org.member] });
    const { occurrence } = await buildOccurrence(env, {
      org,
      checkin,
      person: org.member,
      localDate: addDays(WEEK1, 1),
    });
    await recomputePersonWeeks(
      env.deps,
      org.organisation.id,
      [org.member.person.id],
      inWeek1(0, 0),
      inWeek1(1, 0),
    );
    expect(await weekOf(org.member, WEEK1)).toMatchObject({
      checkinsDue: 1,
      checkinsAnswered: 0,
      pulse: null,
    });

    // The daily standup asks two texts, a blocker and a pulse.
    const [done, , , mood] = occurrence.questions.map((q) => q.id);
    const answers = [
      { questionId: done, text: "Shipped it" },
      { questionId: mood, value: 4 },
    ];
    const res = await call(env, "POST", `/api/v1/checkin-occurrences/${occurrence.id}/answers`, {
      as: org.member.caller,
      body: { answers },
    });
    expect(res.statusCode).toBe(201);
    await runQueued(org);
    expect(await weekOf(org.member, WEEK1)).toMatchObject({
      checkinsDue: 1,
      checkinsAnswered: 1,
      pulse: 4,
    });
  });

  it("a required responder's reply is measured in their working hours", async () => {
    const org = await freshOrg();
    setClock(inWeek1(0, 15)); // Monday 15:00 UTC: asked
    const { update } = await buildUpdate(env, { org, responders: [org.manager] });
    setClock(inWeek1(1, 10)); // Tuesday 10:00 UTC: answered
    const res = await call(env, "POST", `/api/v1/updates/${update.id}/comments`, {
      as: org.manager.caller,
      body: { body: "Looks right to me." },
    });
    expect(res.statusCode).toBe(201);
    await runQueued(org);
    // GMT: Monday 15:00–17:00 and Tuesday 09:00–10:00; BST: Monday 16:00–17:00 and Tuesday 09:00–11:00 local.
    expect((await weekOf(org.manager, WEEK1))?.replyLatencyHours).toBe(3);
    // The asker's week has no reply of theirs: absent, never zero.
    await recomputePersonWeeks(
      env.deps,
      org.organisation.id,
      [org.member.person.id],
      inWeek1(0, 0),
      inWeek1(1, 0),
    );
    expect((await weekOf(org.member, WEEK1))?.replyLatencyHours).toBeNull();
  });

  it("recomputing twice writes the same figures, and people of another organisation are left alone", async () => {
    const org = await freshOrg();
    const other = await makeOrg(env);
    await buildMeeting(env, { org, start: iso(inWeek1(2, 10)) });
    const span = [inWeek1(0, 12), inWeek1(6, 12)] as const; // inside the local week, GMT or BST
    const ids = [org.member.person.id, other.member.person.id];
    const once = await recomputePersonWeeks(env.deps, org.organisation.id, ids, ...span);
    const first = await weekOf(org.member, WEEK1);
    const twice = await recomputePersonWeeks(env.deps, org.organisation.id, ids, ...span);
    expect(once).toEqual({ people: 1, personWeeks: 1 });
    expect(twice).toEqual(once);
    expect(await weekOf(org.member, WEEK1)).toEqual(first);
    expect(await weekOf(other.member, WEEK1)).toBeUndefined();
    // A span of several weeks writes each week the person's zone says it touches.
    const long = await recomputePersonWeeks(
      env.deps,
      org.organisation.id,
      ids,
      inWeek1(0, 0),
      inWeek1(7, 0) + DAY_MS,
    );
    expect(long.personWeeks).toBe(2);
  });

  it("leaves an inactive person (an erased former member) without new rows", async () => {
    const org = await freshOrg();
    await buildMeeting(env, { org, start: iso(inWeek1(2, 10)) });
    await env.deps.db.update(people).set({ active: false }).where(eq(people.id, org.member.person.id));
    const span = [inWeek1(0, 12), inWeek1(6, 12)] as const;
    const result = await recomputePersonWeeks(env.deps, org.organisation.id, [org.member.person.id], ...span);
    expect(result).toEqual({ people: 0, personWeeks: 0 });
    expect(await weekOf(org.member, WEEK1)).toBeUndefined();
  });
});
