import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildMeeting } from "../../../../test/support/build";
import { makeOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { notifications } from "../notifications";
import { inconvenienceLedger } from "../scheduling";
import { meetings } from "./meetings.table";

/** Tuesday 8 December 2026, 07:30 UTC: early and outside hours for London people. */
const EARLY = "2026-12-08T07:30:00.000Z";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});

const ledgerOf = (meetingId: string) =>
  env.deps.db.select().from(inconvenienceLedger).where(eq(inconvenienceLedger.sourceId, meetingId));
const rowOf = async (meetingId: string) =>
  (await env.deps.db.select().from(meetings).where(eq(meetings.id, meetingId)))[0];
const inbox = (p: TestPerson, kind: string) =>
  env.deps.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipientId, p.person.id), eq(notifications.kind, kind as never)));
const patch = (id: string, as: TestPerson, body: Record<string, unknown>) =>
  call(env, "PATCH", `/api/v1/meetings/${id}`, { as: as.caller, body });

describe("PATCH /api/v1/meetings/:id", () => {
  it("reschedules: sequence raised, ledger moved, attendees told", async () => {
    const { org: o, meeting } = await buildMeeting(env, { start: EARLY });
    expect((await ledgerOf(meeting.id)).length).toBeGreaterThan(0);
    const res = await patch(meeting.id, o.member, { start: "2026-12-08T11:00:00Z" });
    expect(res.statusCode).toBe(200);
    expect(res.json().meeting.start).toBe("2026-12-08T11:00:00.000Z");
    // As at creation, a new time is answered with the advisor's advice and the agreement's warnings.
    expect(["sync", "async", "hybrid"]).toContain(res.json().advice.mode);
    expect(res.json().warnings).toEqual(expect.any(Array));
    expect((await rowOf(meeting.id))?.sequence).toBe(1);
    expect(await ledgerOf(meeting.id)).toEqual([]);
    expect(await inbox(o.manager, "meeting.changed")).toHaveLength(1);
    // And back early: the rows come back at the new time.
    await patch(meeting.id, o.member, { start: "2026-12-09T07:00:00Z" });
    const ledger = await ledgerOf(meeting.id);
    expect(ledger.length).toBeGreaterThan(0);
    expect(ledger.every((l) => l.occurredAt.toISOString() === "2026-12-09T07:00:00.000Z")).toBe(true);
  });

  it("checks the agreement on a change of length: 409 leaves the meeting as it was; an override passes", async () => {
    const { org: o, meeting } = await buildMeeting(env, { start: "2026-12-08T10:00:00Z" });
    const refused = await patch(meeting.id, o.member, { durationMinutes: 120 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("agreement_conflict");
    expect(refused.json().error.message).toMatch(/to change it anyway/);
    expect((await rowOf(meeting.id))?.durationMinutes).toBe(30);
    const res = await patch(meeting.id, o.member, {
      durationMinutes: 120,
      override: { reason: "Workshop day, agreed" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().meeting.overrides[0]).toMatchObject({ ruleIds: ["maxMeetingMinutes"] });
    expect(res.json().advice.reasons.length).toBeGreaterThan(0);
  });

  it("changes attendees: the new one is invited, the removed one loses the meeting and is told", async () => {
    const { org: o, meeting } = await buildMeeting(env);
    const res = await patch(meeting.id, o.member, { attendees: [{ personId: o.hr.person.id }] });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .meeting.attendees.map((a: { personId: string }) => a.personId)
        .sort(),
    ).toEqual([o.member.person.id, o.hr.person.id].sort());
    expect(await inbox(o.hr, "meeting.invited")).toHaveLength(1);
    expect(await inbox(o.manager, "meeting.cancelled")).toHaveLength(1);
    const gone = await call(env, "GET", `/api/v1/meetings/${meeting.id}`, { as: o.manager.caller });
    expect(gone.statusCode).toBe(404);
  });

  it("lets only the organiser change it (an attendee: 403)", async () => {
    const { org: o, meeting } = await buildMeeting(env);
    const res = await patch(meeting.id, o.manager, { title: "Mine now" });
    expect(res.statusCode).toBe(403);
    expect((await rowOf(meeting.id))?.title).toBe("Discuss");
  });
});

describe("DELETE /api/v1/meetings/:id", () => {
  it("cancels and keeps it: GET shows it cancelled, the ledger forgets it, no more changes", async () => {
    const { org: o, meeting } = await buildMeeting(env, { start: EARLY });
    const res = await call(env, "DELETE", `/api/v1/meetings/${meeting.id}`, { as: o.member.caller });
    expect(res.statusCode).toBe(204);
    const got = await call(env, "GET", `/api/v1/meetings/${meeting.id}`, { as: o.manager.caller });
    expect(got.json().meeting).toMatchObject({ status: "cancelled", cancelledAt: expect.any(String) });
    expect(await ledgerOf(meeting.id)).toEqual([]);
    expect(await inbox(o.manager, "meeting.cancelled")).toHaveLength(1);
    const again = await patch(meeting.id, o.member, { title: "Back" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe("This meeting is cancelled and can no longer be changed.");
    const twice = await call(env, "DELETE", `/api/v1/meetings/${meeting.id}`, { as: o.member.caller });
    expect(twice.statusCode).toBe(409);
  });
});

describe("PUT /api/v1/meetings/:id/rsvp", () => {
  it("records an answer; a declined attendee costs nothing and leaves the ledger", async () => {
    const { org: o, meeting } = await buildMeeting(env, { start: EARLY });
    const carried = async (p: TestPerson) =>
      (await ledgerOf(meeting.id)).filter((l) => l.personId === p.person.id).length;
    expect(await carried(o.manager)).toBeGreaterThan(0);
    const res = await call(env, "PUT", `/api/v1/meetings/${meeting.id}/rsvp`, {
      as: o.manager.caller,
      body: { response: "no" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().meeting).toMatchObject({ myRsvp: "no", cost: { personHours: 0.5 } });
    expect(await carried(o.manager)).toBe(0);
    expect(await carried(o.member)).toBeGreaterThan(0);
  });
});

describe("GET /api/v1/meetings", () => {
  it("lists the caller's meetings in the window, with cost and agenda flag", async () => {
    const o = await makeOrg(env);
    const { meeting } = await buildMeeting(env, { org: o, start: "2026-12-08T10:00:00Z" });
    await buildMeeting(env, { org: o, organiser: o.hr, attendees: [o.admin], start: "2026-12-08T12:00:00Z" });
    const range = "from=2026-12-07T00:00:00Z&to=2026-12-14T00:00:00Z";
    const res = await call(env, "GET", `/api/v1/meetings?${range}`, { as: o.manager.caller });
    expect(res.statusCode).toBe(200);
    expect(res.json().meetings).toEqual([
      expect.objectContaining({
        id: meeting.id,
        myRsvp: "pending",
        cost: { personHours: 1 },
        agendaMissing: false,
      }),
    ]);
    const outside = await call(
      env,
      "GET",
      "/api/v1/meetings?from=2027-01-01T00:00:00Z&to=2027-02-01T00:00:00Z",
      {
        as: o.manager.caller,
      },
    );
    expect(outside.json().meetings).toEqual([]);
  });

  it("flags an empty agenda once the agreement's deadline has passed", async () => {
    const o = await makeOrg(env);
    const soon = new Date(env.deps.clock.now().getTime() + 3 * 3_600_000).toISOString();
    const { meeting } = await buildMeeting(env, {
      org: o,
      start: soon,
      override: { reason: "whatever it takes" },
    });
    const res = await call(env, "GET", "/api/v1/meetings", { as: o.member.caller });
    expect(res.json().meetings).toEqual([expect.objectContaining({ id: meeting.id, agendaMissing: true })]);
  });
});
