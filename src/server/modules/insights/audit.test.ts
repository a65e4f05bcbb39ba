import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMeeting, buildTeam } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import type { MeetingKind } from "../../../contracts/agreement";
import type { MeetingAuditSeriesView } from "../../../contracts/insights";
import { systemClock } from "../../platform/clock";
import { meetingAttendees, meetingRatings, meetings } from "../meetings/meetings.table";

let env: TestEnv;
/** Monday 1 June 2026, noon: the audit looks back to 3 March. */
const NOW = new Date("2026-06-01T12:00:00Z");
beforeAll(async () => {
  env = await testEnv();
  env.deps.clock = { now: () => NOW };
});
afterAll(() => {
  env.deps.clock = systemClock;
});

const override = { reason: "A test series in the past" };
const url = (query = "") => `/api/v1/insights/meeting-audit${query}`;

interface Series {
  title: string;
  ids: string[];
}

/** A weekly series through the meetings service; its occurrences' ids, oldest first. */
async function series(
  org: TestOrg,
  given: {
    organiser: TestPerson;
    attendees: TestPerson[];
    title: string;
    start: string;
    count: number;
    durationMinutes?: number;
    kind?: MeetingKind;
    teamId?: string;
  },
): Promise<Series> {
  const { count, ...rest } = given;
  await buildMeeting(env, { org, ...rest, recurrence: { frequency: "weekly", count }, override });
  const rows = await env.deps.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.organisationId, org.organisation.id), eq(meetings.title, given.title)))
    .orderBy(meetings.startAt);
  return { title: given.title, ids: rows.map((r) => r.id) };
}

async function rate(org: TestOrg, meetingId: string, answers: [TestPerson, number, boolean][]) {
  await env.deps.db.insert(meetingRatings).values(
    answers.map(([person, worthIt, couldBeAsync]) => ({
      meetingId,
      personId: person.person.id,
      organisationId: org.organisation.id,
      worthIt,
      couldBeAsync,
    })),
  );
}

/**
 * A team led by the manager (the member and four more in it) and its recurring meetings:
 * "Weekly sync" (30 min, 4 weeks, one cancelled, declined by one person, rated badly), "Status round"
 * (60 min, 10 weeks of which 8 are past, rated could-be-async), a one-to-one series and a series long
 * over; and "Pairing", a series of one of the members' own, completed without an outcome.
 */
async function audited() {
  const org = await makeOrg(env);
  const others = [
    await org.add("member"),
    await org.add("member"),
    await org.add("member"),
    await org.add("member"),
  ];
  const [p1, p2, p3, p4] = others as [TestPerson, TestPerson, TestPerson, TestPerson];
  const { team } = await buildTeam(env, { org, lead: org.manager, members: [org.member, ...others] });
  const everyone = [org.member, ...others];
  const lead = org.manager;
  const sync = await series(org, {
    organiser: lead,
    attendees: everyone,
    title: "Weekly sync",
    start: "2026-04-06T09:00:00Z",
    count: 4,
    teamId: team.id,
  });
  await env.deps.db
    .update(meetings)
    .set({ status: "cancelled" })
    .where(eq(meetings.id, sync.ids[3] as string));
  await env.deps.db
    .update(meetingAttendees)
    .set({ rsvp: "no" })
    .where(and(inArray(meetingAttendees.meetingId, sync.ids), eq(meetingAttendees.personId, p4.person.id)));
  await rate(org, sync.ids[0] as string, [
    [p1, 1, false],
    [p2, 2, false],
    [p3, 2, false],
  ]);
  const status = await series(org, {
    organiser: lead,
    attendees: everyone,
    title: "Status round",
    start: "2026-04-07T09:00:00Z",
    count: 10,
    durationMinutes: 60,
    teamId: team.id,
  });
  await rate(org, status.ids[0] as string, [
    [p1, 4, true],
    [p2, 4, true],
  ]);
  await rate(org, status.ids[1] as string, [
    [p3, 4, true],
    [p4, 4, false],
  ]);
  await series(org, {
    organiser: lead,
    attendees: [org.member],
    title: "One-to-one",
    start: "2026-04-08T09:00:00Z",
    count: 4,
    kind: "one_to_one",
    teamId: team.id,
  });
  await series(org, {
    organiser: lead,
    attendees: everyone,
    title: "Long over",
    start: "2026-01-05T09:00:00Z",
    count: 3,
    teamId: team.id,
  });
  const pairing = await series(org, {
    organiser: p1,
    attendees: [p2],
    title: "Pairing",
    start: "2026-04-09T09:00:00Z",
    count: 2,
  });
  await env.deps.db
    .update(meetings)
    .set({ status: "completed", completedAt: NOW })
    .where(eq(meetings.id, pairing.ids[0] as string));
  return { org, team, p1, sync, status };
}

const titles = (view: { series: MeetingAuditSeriesView[] }) => view.series.map((s) => s.title);

describe("GET /api/v1/insights/meeting-audit", () => {
  it("shows a team's lead its recurring meetings, costliest first, each with a suggestion and its reasons", async () => {
    const { org, team } = await audited();
    const res = await call(env, "GET", url(`?teamId=${team.id}`), { as: org.manager.caller });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(titles(view)).toEqual(["Status round", "Weekly sync"]);
    const [status, sync] = view.series as [MeetingAuditSeriesView, MeetingAuditSeriesView];
    // 8 past occurrences × 6 people × 1 h over 3 months.
    expect(status).toMatchObject({
      frequency: "weekly",
      organiser: { id: org.manager.person.id, name: org.manager.person.name },
      monthlyPersonHours: 16,
      ratingAverage: 4,
      couldBeAsyncShare: 0.75,
      declineShare: 0,
      followAsyncShare: 0,
      suggestion: "make_async",
    });
    expect(status.reasons).toEqual(["3 of 4 ratings said it could be async (75%)."]);
    // 3 held occurrences × 5 not declining × 0.5 h over 3 months; 3 of 15 invitations declined.
    expect(sync).toMatchObject({
      monthlyPersonHours: 2.5,
      ratingAverage: 1.7,
      couldBeAsyncShare: 0,
      declineShare: 0.2,
      suggestion: "end",
    });
    expect(sync.reasons).toEqual(["Attendees rated it 1.7 of 5 on average over 3 ratings."]);
  });

  it("shows an organiser their own series, never a one-to-one, never someone else's", async () => {
    const { org, p1 } = await audited();
    const lead = (await call(env, "GET", url(), { as: org.manager.caller })).json();
    expect(titles(lead)).toEqual(["Status round", "Weekly sync"]);
    const res = await call(env, "GET", url(), { as: p1.caller });
    expect(res.statusCode).toBe(200);
    const [pairing, ...rest] = res.json().series as MeetingAuditSeriesView[];
    expect(rest).toEqual([]);
    // 2 occurrences × 2 people × 0.5 h over 3 months; the one completed ended with nothing.
    expect(pairing).toMatchObject({ title: "Pairing", monthlyPersonHours: 0.67, suggestion: "shorten" });
    expect(pairing).not.toHaveProperty("ratingAverage");
    // The share is over completed occurrences (1 of the 2 held): its sentence comes from core/insights.
    expect(pairing?.reasons).toHaveLength(1);
    expect(pairing?.reasons[0]).toMatch(
      /ended with no decision, action item or covered agenda item \(100%\)\.$/,
    );
  });

  it("gives a team member who organises nothing an empty list, and refuses them (and every role) the team's", async () => {
    const { org, team } = await audited();
    const own = await call(env, "GET", url(), { as: org.member.caller });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({ series: [] });
    for (const who of ["member", "hr", "admin", "owner"] as const) {
      const res = await call(env, "GET", url(`?teamId=${team.id}`), { as: org[who].caller });
      expect({ who, status: res.statusCode }).toEqual({ who, status: 403 });
      expect(res.json().error.message).toBe("Only the team's leads or its author may see this meeting audit");
    }
  });

  it("answers 404 for another organisation's team and 400 for a malformed one", async () => {
    const { org } = await audited();
    const foreign = await makeOrg(env);
    const { team } = await buildTeam(env, { org: foreign, lead: foreign.manager });
    const missing = await call(env, "GET", url(`?teamId=${team.id}`), { as: org.manager.caller });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe("Team not found");
    const bad = await call(env, "GET", url("?teamId=42"), { as: org.manager.caller });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(["teamId"]);
    const unknown = await call(env, "GET", url("?organiser=me"), { as: org.manager.caller });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain("organiser");
  });
});
