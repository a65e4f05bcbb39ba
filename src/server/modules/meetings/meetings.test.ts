import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildAgreementVersion,
  buildCalendar,
  buildMeeting,
  buildTeam,
} from "../../../../test/support/build";
import { actorOf, makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { liveEvents } from "../../platform/events/live-events.table";
import { auditLog } from "../audit/audit.table";
import { inconvenienceLedger } from "../scheduling";
import { answerMeeting } from "./meetings.service";
import { meetingOverrides, meetings } from "./meetings.table";

/** Tuesday 8 December 2026 (London is on UTC): 10:00–10:30 is inside everyone's 09–17. */
const TUESDAY_10 = "2026-12-08T10:00:00.000Z";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});

const create = (o: TestOrg, body: Record<string, unknown>, as: TestPerson = o.member) =>
  call(env, "POST", "/api/v1/meetings", { as: as.caller, body });

const meetingBody = (o: TestOrg, extra: Record<string, unknown> = {}) => ({
  title: "Pricing decision",
  kind: "decision",
  start: TUESDAY_10,
  durationMinutes: 30,
  attendees: [{ personId: o.manager.person.id }],
  ...extra,
});

const meetingsOf = (o: TestOrg) =>
  env.deps.db.select().from(meetings).where(eq(meetings.organisationId, o.organisation.id));
const auditOf = (o: TestOrg, action: string) =>
  env.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, o.organisation.id), eq(auditLog.action, action)));
const ledgerOf = (meetingId: string) =>
  env.deps.db.select().from(inconvenienceLedger).where(eq(inconvenienceLedger.sourceId, meetingId));

describe("POST /api/v1/meetings", () => {
  it("creates a meeting with its organiser attending, the advice, and an audit row", async () => {
    const o = await makeOrg(env);
    const res = await create(o, meetingBody(o, { agenda: [{ title: "Options", outcome: "decide" }] }));
    expect(res.statusCode).toBe(201);
    const { meeting, advice, warnings } = res.json();
    expect(meeting).toMatchObject({
      title: "Pricing decision",
      status: "scheduled",
      organiserId: o.member.person.id,
    });
    expect(meeting.attendees).toEqual([
      expect.objectContaining({ personId: o.member.person.id, rsvp: "yes", required: true }),
      expect.objectContaining({ personId: o.manager.person.id, rsvp: "pending" }),
    ]);
    expect(meeting.agenda.map((a: { title: string }) => a.title)).toEqual(["Options"]);
    expect(meeting.cost).toEqual({ personHours: 1 });
    expect(["sync", "async", "hybrid"]).toContain(advice.mode);
    expect(warnings).toEqual([]);
    expect(await auditOf(o, "meeting.created")).toHaveLength(1);
    // Inside everyone's hours: nothing on the fairness ledger.
    expect(await ledgerOf(meeting.id)).toEqual([]);
  });

  it("answers 409 agreement_conflict for a meeting longer than the agreement allows, writing nothing", async () => {
    const o = await makeOrg(env);
    const res = await create(o, meetingBody(o, { durationMinutes: 90 }));
    expect(res.statusCode).toBe(409);
    const { error } = res.json();
    expect(error.code).toBe("agreement_conflict");
    expect(error.message).toMatch(/override/);
    expect(error.details.violations).toEqual([
      expect.objectContaining({ ruleId: "maxMeetingMinutes", text: expect.stringMatching(/90 minutes/) }),
    ]);
    expect(await meetingsOf(o)).toEqual([]);
    expect(await auditOf(o, "meeting.created")).toEqual([]);
  });

  it("creates it anyway with an override: the reason is stored, shown and audited", async () => {
    const o = await makeOrg(env);
    const reason = "Quarterly planning needs the whole morning";
    const res = await create(o, meetingBody(o, { durationMinutes: 90, override: { reason } }));
    expect(res.statusCode).toBe(201);
    const { meeting } = res.json();
    expect(meeting.overrides).toEqual([
      expect.objectContaining({ reason, ruleIds: ["maxMeetingMinutes"], by: o.member.person.id }),
    ]);
    const stored = await env.deps.db
      .select()
      .from(meetingOverrides)
      .where(eq(meetingOverrides.meetingId, meeting.id));
    expect(stored).toHaveLength(1);
    const [audit] = await auditOf(o, "meeting.override");
    expect(audit?.data).toMatchObject({ reason, ruleIds: ["maxMeetingMinutes"] });
  });

  it("lets an incident through every blocking rule", async () => {
    const o = await makeOrg(env);
    await buildAgreementVersion(env, { org: o, rules: { noMeetingDays: ["tue"], maxAttendees: 1 } });
    const res = await create(o, meetingBody(o, { kind: "incident", durationMinutes: 120 }));
    expect(res.statusCode).toBe(201);
  });

  it("blocks a no-meeting day and too many attendees", async () => {
    const o = await makeOrg(env);
    await buildAgreementVersion(env, { org: o, rules: { noMeetingDays: ["tue"], maxAttendees: 2 } });
    const res = await create(
      o,
      meetingBody(o, { attendees: [{ personId: o.manager.person.id }, { personId: o.hr.person.id }] }),
    );
    expect(res.statusCode).toBe(409);
    const ruleIds = res.json().error.details.violations.map((v: { ruleId: string }) => v.ruleId);
    expect(ruleIds).toContain("noMeetingDays");
    expect(ruleIds).toContain("maxAttendees");
  });

  it("counts other meetings attended and imported busy time against the daily budget, not declined ones", async () => {
    const o = await makeOrg(env);
    await buildAgreementVersion(env, {
      org: o,
      rules: { meetingBudget: { dailyHours: 1, weeklyHours: 15 } },
    });
    const earlier = await buildMeeting(env, { org: o, start: "2026-12-08T13:00:00Z", durationMinutes: 45 });
    const blocked = await create(o, meetingBody(o));
    expect(blocked.statusCode).toBe(409);
    const violation = blocked.json().error.details.violations[0];
    expect(violation).toMatchObject({ ruleId: "meetingBudget", personId: expect.any(String) });
    // The manager declines the earlier one; only the organiser still carries it.
    await answerMeeting(env.deps, actorOf(o.manager), earlier.meeting.id, "no");
    await answerMeeting(env.deps, actorOf(o.member), earlier.meeting.id, "follow_async");
    expect((await create(o, meetingBody(o))).statusCode).toBe(201);
  });

  it("counts imported calendar busy time against the daily budget", async () => {
    const other = await makeOrg(env);
    await buildAgreementVersion(env, {
      org: other,
      rules: { meetingBudget: { dailyHours: 1, weeklyHours: 15 } },
    });
    const busy = [{ start: Date.parse("2026-12-08T14:00:00Z"), end: Date.parse("2026-12-08T15:00:00Z") }];
    await buildCalendar(env, { org: other, person: other.manager, busy });
    expect((await create(other, meetingBody(other))).statusCode).toBe(409);
  });

  it("warns, without blocking, when a required attendee is outside their hours, and writes the ledger", async () => {
    const o = await makeOrg(env);
    const res = await create(o, meetingBody(o, { start: "2026-12-08T07:30:00Z" }));
    expect(res.statusCode).toBe(201);
    const { meeting, warnings } = res.json();
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ruleId: "workingHours",
          personId: o.manager.person.id,
          text: expect.stringMatching(/07:30/),
        }),
      ]),
    );
    expect(meeting.warnings).toEqual(warnings);
    const ledger = await ledgerOf(meeting.id);
    const kinds = (personId: string) =>
      ledger
        .filter((l) => l.personId === personId)
        .map((l) => l.kind)
        .sort();
    expect(kinds(o.manager.person.id)).toEqual(["early", "outside"]);
    expect(kinds(o.member.person.id)).toEqual(["early", "outside"]);
    expect(ledger.every((l) => l.source === "meeting" && l.points > 0)).toBe(true);
  });

  it("creates a weekly series, copying the template's agenda to each meeting", async () => {
    const o = await makeOrg(env);
    const res = await create(
      o,
      meetingBody(o, {
        recurrence: { frequency: "weekly", count: 4 },
        templateId: "00000000-0000-4000-8000-000000000101",
      }),
    );
    expect(res.statusCode).toBe(201);
    const { meeting } = res.json();
    expect(meeting.series).toMatchObject({ frequency: "weekly", index: 1, total: 4, previousId: null });
    const rows = (await meetingsOf(o)).sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
    expect(rows.map((m) => m.startAt.toISOString())).toEqual([
      TUESDAY_10,
      "2026-12-15T10:00:00.000Z",
      "2026-12-22T10:00:00.000Z",
      "2026-12-29T10:00:00.000Z",
    ]);
    const last = await call(env, "GET", `/api/v1/meetings/${rows[3]?.id}`, { as: o.manager.caller });
    expect(last.json().meeting.series).toMatchObject({ index: 4, nextId: null, previousId: rows[2]?.id });
    expect(last.json().meeting.agenda.length).toBe(meeting.agenda.length);
    expect(meeting.agenda[0].title).toMatch(/Check-in/);
    // One live event for the whole series, to the organiser and the attendees.
    const events = await env.deps.db
      .select()
      .from(liveEvents)
      .where(and(eq(liveEvents.type, "meeting.changed"), eq(liveEvents.organisationId, o.organisation.id)));
    expect(events).toHaveLength(1);
    expect(events[0]?.objectId).toBe(meeting.id);
    expect(events[0]?.audience.personIds).toEqual(
      expect.arrayContaining([o.member.person.id, o.manager.person.id]),
    );
  });

  it("refuses a series of more than 52 meetings, naming recurrence", async () => {
    const o = await makeOrg(env);
    const res = await create(o, meetingBody(o, { recurrence: { frequency: "weekly", until: "2028-12-31" } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].path).toBe("recurrence");
    expect(res.json().error.message).toMatch(/^Recurrence: .*52/);
    expect(await meetingsOf(o)).toEqual([]);
  });

  it("answers 400 naming the field for people and teams that are not the organisation's, writing nothing", async () => {
    const o = await makeOrg(env);
    const foreign = await makeOrg(env);
    const gone = await o.add("member", { active: false });
    const { team } = await buildTeam(env, { org: foreign });
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { attendees: [{ personId: foreign.member.person.id }] },
        "attendees.0.personId",
        /not an active person/,
      ],
      [
        { attendees: [{ personId: o.manager.person.id }, { personId: gone.person.id }] },
        "attendees.1.personId",
        /not an active person/,
      ],
      [{ teamId: team.id }, "teamId", /not a team of this organisation/],
      [
        { agenda: [{ title: "Hers", outcome: "inform", ownerId: o.hr.person.id }] },
        "agenda.0.ownerId",
        /attendees/,
      ],
      [
        { attendees: [{ personId: o.hr.person.id }, { personId: o.hr.person.id }] },
        "attendees.1.personId",
        /twice/,
      ],
    ];
    for (const [extra, path, message] of cases) {
      const res = await create(o, meetingBody(o, extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      const [field] = res.json().error.details.fields;
      expect(field.path.replace(/\[(\d+)\]/g, ".$1")).toBe(path);
      expect(field.message).toMatch(message);
    }
    expect(await meetingsOf(o)).toEqual([]);
  });
});
