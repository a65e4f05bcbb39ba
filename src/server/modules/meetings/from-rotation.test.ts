import { and, asc, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRotation } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { outboxTo } from "../../../../test/support/onboarding";
import type { LedgerPersonView, RotationView } from "../../../contracts/scheduling";
import { inconvenienceLedger } from "../scheduling";
import { meetings } from "./meetings.table";

/** Monday 11 January 2027. */
const FROM = "2027-01-11T00:00:00Z";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});
afterAll(() => {
  for (const zone of ["Europe/London", "Australia/Sydney", "America/New_York"])
    ICAL.TimezoneService.remove(zone);
});

/** London (the planner), Sydney and New York: no shared hour, so the rotation's times move. */
async function farApart(org: TestOrg) {
  const london = await org.add("member", { timeZone: "Europe/London" });
  const sydney = await org.add("member", { timeZone: "Australia/Sydney" });
  const newYork = await org.add("member", { timeZone: "America/New_York" });
  const { rotation } = await buildRotation(env, {
    org,
    by: london,
    attendees: [london, sydney, newYork],
    durationMinutes: 60,
    occurrences: 4,
    from: FROM,
  });
  return { london, sydney, newYork, rotation };
}

const create = (who: TestPerson, body: Record<string, unknown>) =>
  call(env, "POST", "/api/v1/meetings", { as: who.caller, body });

const fromRotation = (rotation: { id: string; occurrences: { start: string }[] }) => ({
  title: "Cross-zone sync",
  kind: "planning",
  start: rotation.occurrences[0]?.start,
  durationMinutes: 60,
  rotationId: rotation.id,
  override: { reason: "Three zones with no shared hour: the rotation shares it out" },
});

async function ledgerPoints(org: TestOrg, who: TestPerson) {
  const res = await call(env, "GET", "/api/v1/scheduling/ledger", { as: who.caller });
  const row = (res.json().ledger.people as LedgerPersonView[]).find((p) => p.personId === who.person.id);
  return { points: row?.points ?? 0, org: org.organisation.id };
}

/** The emails to `who` carrying an invitation. */
const invitesTo = async (org: TestOrg, who: TestPerson) =>
  (await outboxTo(env, org.organisation.id, who.person.email)).filter((e) =>
    e.attachments?.some((a) => a.filename === "invite.ics"),
  );

/** The series' starts as a calendar app expands it: the RRULE, with each override in place. */
function expandSeries(ics: string): number[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  const master = events.find((e) => !e.isRecurrenceException());
  if (!master) throw new Error("no master VEVENT");
  for (const e of events) if (e.isRecurrenceException()) master.relateException(e);
  const starts: number[] = [];
  const iterator = master.iterator();
  for (let next = iterator.next(); next && starts.length < 60; next = iterator.next())
    starts.push(master.getOccurrenceDetails(next).startDate.toUnixTime() * 1000);
  return starts;
}

describe("POST /api/v1/meetings with rotationId", () => {
  it("holds a saved rotation of 4 as a 4-meeting series at its times, its burden counted once", async () => {
    const org = await makeOrg(env);
    const { london, sydney, newYork, rotation } = await farApart(org);
    const people = [london, sydney, newYork];
    const before = await Promise.all(people.map((p) => ledgerPoints(org, p)));
    expect(before.map((b) => b.points)).toEqual(people.map((p) => rotation.burdenByPerson[p.person.id] ?? 0));
    expect(before.some((b) => b.points > 0)).toBe(true);

    const res = await create(london, fromRotation(rotation));
    expect(res.statusCode).toBe(201);
    const { meeting } = res.json();
    const rows = await env.deps.db
      .select()
      .from(meetings)
      .where(eq(meetings.seriesId, meeting.seriesId))
      .orderBy(asc(meetings.seriesIndex));
    const planned = rotation.occurrences.map((o) => Date.parse(o.start));
    expect(rows.map((m) => m.startAt.getTime())).toEqual(planned);
    expect(rows.every((m) => m.endAt.getTime() - m.startAt.getTime() === 3_600_000)).toBe(true);
    // The times move: not a plain weekly rule.
    expect(new Set(planned.map((t) => t % 86_400_000)).size).toBeGreaterThan(1);
    expect(meeting.attendees.map((a: { personId: string }) => a.personId).sort()).toEqual(
      people.map((p) => p.person.id).sort(),
    );

    // The ledger: the same points per person as the rotation planned, now from the meetings only.
    const after = await Promise.all(people.map((p) => ledgerPoints(org, p)));
    expect(after.map((a) => a.points)).toEqual(before.map((b) => b.points));
    const sources = await env.deps.db
      .select({ source: inconvenienceLedger.source })
      .from(inconvenienceLedger)
      .where(eq(inconvenienceLedger.organisationId, org.organisation.id));
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => s.source === "meeting")).toBe(true);

    // The rotation became the series: it is no longer listed (feeds show the meetings instead).
    const list = await call(env, "GET", "/api/v1/scheduling/rotations", { as: london.caller });
    expect((list.json().rotations as RotationView[]).map((r) => r.id)).not.toContain(rotation.id);

    // One invitation per attendee, expanding to the rotation's times. (The inbox notification may be
    // emailed too, when it reaches someone inside their hours.)
    for (const who of people) {
      const emails = await invitesTo(org, who);
      expect(emails).toHaveLength(1);
      expect(expandSeries(emails[0]?.attachments?.[0]?.content ?? "")).toEqual(planned);
    }

    // A second request for the same rotation finds it gone.
    expect((await create(london, fromRotation(rotation))).statusCode).toBe(404);
  });

  it("lets an attendee use it with their own attendee list; the gates run on every occurrence", async () => {
    const org = await makeOrg(env);
    const { sydney, newYork, rotation } = await farApart(org);
    const res = await create(sydney, {
      ...fromRotation(rotation),
      attendees: [{ personId: newYork.person.id }],
    });
    expect(res.statusCode).toBe(201);
    const { meeting, warnings } = res.json();
    expect(meeting.attendees.map((a: { personId: string }) => a.personId).sort()).toEqual(
      [sydney.person.id, newYork.person.id].sort(),
    );
    expect(meeting.series.total).toBe(4);
    // Each time someone of the two is outside their hours is a warning: as many as the plan says.
    const outside = rotation.occurrences.flatMap((o) =>
      o.burden.filter(
        (b) => b.kind === "outside" && [sydney.person.id, newYork.person.id].includes(b.personId),
      ),
    );
    const outsideHours = (warnings as { ruleId: string }[]).filter((w) => w.ruleId === "workingHours");
    expect(outside.length).toBeGreaterThan(1);
    expect(outsideHours).toHaveLength(outside.length);
  });

  it("answers 404 to anyone outside the rotation, and 400 for what does not fit it", async () => {
    const org = await makeOrg(env);
    const { london, rotation } = await farApart(org);
    const other = await makeOrg(env);
    const body = fromRotation(rotation);
    for (const who of [org.manager, org.admin, org.owner, other.member]) {
      const res = await create(who, body);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe("Rotation not found");
    }
    expect(
      (await create(london, { ...body, rotationId: "6f1c9a0e-1111-4222-8333-444455556666" })).statusCode,
    ).toBe(404);
    const notUuid = await create(london, { ...body, rotationId: "rotation-1" });
    expect(notUuid.statusCode).toBe(400);
    const withRecurrence = await create(london, { ...body, recurrence: { frequency: "weekly", count: 4 } });
    expect(withRecurrence.statusCode).toBe(400);
    expect(withRecurrence.json().error.message).toMatch(/rotation gives the meetings' times/);
    const otherStart = await create(london, { ...body, start: "2027-01-11T12:00:00Z" });
    expect(otherStart.statusCode).toBe(400);
    expect(otherStart.json().error.message).toMatch(/rotation's first time/);
    const { rotationId: _, ...noRotation } = body;
    const noAttendees = await create(london, noRotation);
    expect(noAttendees.statusCode).toBe(400);
    // Nothing was made and the rotation still stands, with its ledger rows.
    const rows = await env.deps.db
      .select()
      .from(inconvenienceLedger)
      .where(
        and(
          eq(inconvenienceLedger.organisationId, org.organisation.id),
          eq(inconvenienceLedger.source, "rotation"),
        ),
      );
    expect(rows.length).toBeGreaterThan(0);
    expect(
      await env.deps.db.select().from(meetings).where(eq(meetings.organisationId, org.organisation.id)),
    ).toEqual([]);
  });
});
