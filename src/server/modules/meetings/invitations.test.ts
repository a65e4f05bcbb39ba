import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, closeEnv, freshEnv, type TestEnv, testEnv } from "../../../../test/support/harness";
import { eventually, outboxTo, processedEmailTo } from "../../../../test/support/onboarding";
import { startSmtp, type TestSmtp } from "../../../../test/support/smtp";
import type { MeetingKind } from "../../../contracts/agreement";
import { outboxEmails } from "../outbox";
import { queueInvitations } from "./invitations";
import { agendaItems, meetingAttendees, meetings } from "./meetings.table";

const START = new Date("2027-03-10T09:00:00Z");

/** A meeting written straight to its tables: what the meetings service stores. */
async function insertMeeting(
  env: TestEnv,
  org: TestOrg,
  given: {
    organiser: TestPerson;
    attendees: { who: TestPerson; required?: boolean; rsvp?: "pending" | "yes" | "no" | "follow_async" }[];
    kind?: MeetingKind;
    title?: string;
    status?: "scheduled" | "cancelled";
  },
) {
  const organisationId = org.organisation.id;
  const [meeting] = await env.deps.db
    .insert(meetings)
    .values({
      organisationId,
      title: given.title ?? "Quarter planning",
      kind: given.kind ?? "planning",
      purpose: "Agree the quarter's plan",
      location: "Room 4, floor 2",
      organiserId: given.organiser.person.id,
      startAt: START,
      endAt: new Date(START.getTime() + 45 * 60_000),
      durationMinutes: 45,
      status: given.status ?? "scheduled",
    })
    .returning();
  if (!meeting) throw new Error("no meeting");
  await env.deps.db.insert(meetingAttendees).values(
    given.attendees.map((a) => ({
      meetingId: meeting.id,
      organisationId,
      personId: a.who.person.id,
      required: a.required ?? true,
      rsvp: a.rsvp ?? "pending",
    })),
  );
  await env.deps.db.insert(agendaItems).values([
    { meetingId: meeting.id, organisationId, position: 1, title: "Salary bands", outcome: "decide" as const },
    { meetingId: meeting.id, organisationId, position: 0, title: "Roadmap", outcome: "discuss" as const },
  ]);
  return meeting;
}

const queue = (env: TestEnv, input: Parameters<typeof queueInvitations>[2]) =>
  env.deps.db.transaction((tx) => queueInvitations(tx, env.deps, input));

/** The attachment's VEVENT as another calendar app reads it. */
function readInvite(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toUnixTime() * 1000,
    summary: event.summary,
    description: event.description,
    status: vevent.getFirstPropertyValue("status"),
    organizer: vevent.getFirstPropertyValue("organizer"),
    attendees: vevent.getAllProperties("attendee").map((p) => ({
      email: p.getFirstValue(),
      role: p.getParameter("role"),
      partstat: p.getParameter("partstat"),
    })),
  };
}

async function onlyEmailTo(env: TestEnv, org: TestOrg, who: TestPerson) {
  const rows = await outboxTo(env, org.organisation.id, who.person.email);
  expect(rows).toHaveLength(1);
  const [row] = rows;
  if (!row) throw new Error("no email");
  expect(row.attachments).toHaveLength(1);
  return { row, attachment: row.attachments?.[0], invite: readInvite(row.attachments?.[0]?.content ?? "") };
}

describe("queueInvitations", () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv();
  });

  it("emails each attendee a REQUEST, then a CANCEL with the same UID and a higher SEQUENCE", async () => {
    const org = await makeOrg(env);
    const meeting = await insertMeeting(env, org, {
      organiser: org.member,
      attendees: [
        { who: org.manager, rsvp: "yes" },
        { who: org.hr, required: false },
      ],
    });
    await queue(env, { organisationId: org.organisation.id, meetingIds: [meeting.id], method: "REQUEST" });

    const { row, attachment, invite } = await onlyEmailTo(env, org, org.manager);
    expect(attachment).toMatchObject({
      filename: "invite.ics",
      contentType: "text/calendar; method=REQUEST; charset=UTF-8",
    });
    expect(row.subject).toMatch(/^Invitation: Quarter planning — /);
    expect(row.text).toContain(`http://tandem.test/meetings/${meeting.id}`);
    expect(invite).toMatchObject({
      method: "REQUEST",
      uid: `${meeting.id}@tandem`,
      sequence: 0,
      start: START.getTime(),
      summary: "Quarter planning",
      status: "CONFIRMED",
      organizer: `mailto:${org.member.person.email}`,
    });
    expect(invite.description).toBe(
      `Agree the quarter's plan\n\nAgenda:\n- Roadmap\n- Salary bands\n\nOpen in Tandem: http://tandem.test/meetings/${meeting.id}`,
    );
    expect(invite.attendees).toEqual(
      expect.arrayContaining([
        { email: `mailto:${org.manager.person.email}`, role: "REQ-PARTICIPANT", partstat: "ACCEPTED" },
        { email: `mailto:${org.hr.person.email}`, role: "OPT-PARTICIPANT", partstat: "NEEDS-ACTION" },
      ]),
    );
    expect((await onlyEmailTo(env, org, org.hr)).invite.uid).toBe(invite.uid);
    expect(await outboxTo(env, org.organisation.id, org.member.person.email)).toHaveLength(0);
    const outbox = (await call(env, "GET", "/api/v1/outbox", { as: org.admin.caller })).json();
    expect(outbox.emails.find((e: { id: string }) => e.id === row.id).attachments).toEqual([
      { filename: "invite.ics", contentType: "text/calendar; method=REQUEST; charset=UTF-8" },
    ]);

    await env.deps.db
      .update(meetings)
      .set({ status: "cancelled", sequence: 1 })
      .where(eq(meetings.id, meeting.id));
    await queue(env, { organisationId: org.organisation.id, meetingIds: [meeting.id], method: "CANCEL" });
    const [, cancelRow] = await outboxTo(env, org.organisation.id, org.manager.person.email);
    expect(cancelRow?.subject).toMatch(/^Cancelled: Quarter planning — /);
    expect(cancelRow?.attachments?.[0]?.contentType).toBe("text/calendar; method=CANCEL; charset=UTF-8");
    const cancel = readInvite(cancelRow?.attachments?.[0]?.content ?? "");
    expect(cancel).toMatchObject({ method: "CANCEL", uid: invite.uid, status: "CANCELLED", sequence: 1 });
    expect(cancel.sequence).toBeGreaterThan(invite.sequence);
  });

  it("sends only to the people named, listing someone no longer invited in their CANCEL", async () => {
    const org = await makeOrg(env);
    const removed = await org.add("member");
    const meeting = await insertMeeting(env, org, {
      organiser: org.member,
      attendees: [{ who: org.manager }],
    });
    await queue(env, {
      organisationId: org.organisation.id,
      meetingIds: [meeting.id],
      method: "CANCEL",
      personIds: [removed.person.id],
    });
    const { invite } = await onlyEmailTo(env, org, removed);
    expect(invite.method).toBe("CANCEL");
    expect(invite.attendees.map((a) => a.email)).toContain(`mailto:${removed.person.email}`);
    expect(await outboxTo(env, org.organisation.id, org.manager.person.email)).toHaveLength(0);
  });

  it.each(["one_to_one", "performance_review"] as const)(
    "a %s's email and invitation hold its title and time only (the outbox is read by admins)",
    async (kind) => {
      const org = await makeOrg(env);
      const meeting = await insertMeeting(env, org, {
        organiser: org.manager,
        attendees: [{ who: org.member }],
        kind,
        title: "Ana / Olu",
      });
      await queue(env, { organisationId: org.organisation.id, meetingIds: [meeting.id], method: "REQUEST" });
      const { row, attachment, invite } = await onlyEmailTo(env, org, org.member);
      expect(invite.summary).toBe("Ana / Olu");
      expect(invite.description).toBe(`Open in Tandem: http://tandem.test/meetings/${meeting.id}`);
      for (const text of [row.text, attachment?.content ?? ""]) {
        expect(text).not.toContain("Salary");
        expect(text).not.toContain("quarter's plan");
      }
    },
  );

  it("ignores another organisation's meeting", async () => {
    const org = await makeOrg(env);
    const other = await makeOrg(env);
    const meeting = await insertMeeting(env, other, {
      organiser: other.member,
      attendees: [{ who: other.hr }],
    });
    await queue(env, { organisationId: org.organisation.id, meetingIds: [meeting.id], method: "REQUEST" });
    const rows = await env.deps.db
      .select()
      .from(outboxEmails)
      .where(
        and(
          eq(outboxEmails.organisationId, other.organisation.id),
          eq(outboxEmails.to, other.hr.person.email),
        ),
      );
    expect(rows).toHaveLength(0);
  });

  it("puts the meeting in each attendee's feed with the invitation's UID, unless cancelled or declined", async () => {
    const org = await makeOrg(env);
    const shown = await insertMeeting(env, org, {
      organiser: org.member,
      attendees: [{ who: org.manager }, { who: org.hr, rsvp: "no" }],
      title: "Shown, in feed",
    });
    const cancelled = await insertMeeting(env, org, {
      organiser: org.member,
      attendees: [{ who: org.manager }],
      status: "cancelled",
    });
    const feedOf = async (who: TestPerson) => {
      const { url } = (await call(env, "POST", "/api/v1/me/calendar-feed", { as: who.caller })).json();
      const res = await call(env, "GET", new URL(url).pathname);
      expect(res.statusCode).toBe(200);
      return new ICAL.Component(ICAL.parse(res.body))
        .getAllSubcomponents("vevent")
        .map((v) => new ICAL.Event(v))
        .filter((e) => e.uid.endsWith("@tandem") && !e.uid.startsWith("focus-"));
    };
    for (const who of [org.manager, org.member]) {
      const events = await feedOf(who);
      expect(events.map((e) => e.uid)).toEqual([`${shown.id}@tandem`]);
      expect(events[0]?.summary).toBe("Shown, in feed");
      expect(events[0]?.startDate.toUnixTime()).toBe(START.getTime() / 1000);
    }
    expect(await feedOf(org.hr)).toEqual([]);
    expect((await feedOf(org.manager)).map((e) => e.uid)).not.toContain(`${cancelled.id}@tandem`);
  });
});

/** Tuesday 9 March 2027, 10:00 in London (GMT): weekly to 11 May, across the change on 28 March. */
const SERIES_START = "2027-03-09T10:00:00.000Z";

/** Every VEVENT of an attachment, with its calendar's METHOD; its VTIMEZONEs registered for ical.js. */
function readAll(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const vevents = calendar.getAllSubcomponents("vevent");
  return {
    method: calendar.getFirstPropertyValue("method"),
    vevents,
    events: vevents.map((v) => new ICAL.Event(v)),
  };
}

describe("a series reaches calendars as one recurring event", () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv();
  });
  afterAll(() => ICAL.TimezoneService.remove("Europe/London"));

  it("one email per attendee on creation; then an instance REQUEST on PATCH and an instance CANCEL on DELETE", async () => {
    const org = await makeOrg(env);
    const created = await call(env, "POST", "/api/v1/meetings", {
      as: org.member.caller,
      body: {
        title: "Weekly sync",
        kind: "planning",
        start: SERIES_START,
        durationMinutes: 30,
        attendees: [{ personId: org.manager.person.id }, { personId: org.hr.person.id, required: false }],
        recurrence: { frequency: "weekly", count: 10 },
      },
    });
    expect(created.statusCode).toBe(201);
    const { seriesId } = created.json().meeting;
    const rows = await env.deps.db
      .select()
      .from(meetings)
      .where(eq(meetings.seriesId, seriesId))
      .orderBy(meetings.seriesIndex);
    expect(rows).toHaveLength(10);
    const uid = `${seriesId}@tandem`;

    for (const who of [org.manager, org.hr]) {
      const { row, invite } = await onlyEmailTo(env, org, who);
      expect(row.subject).toMatch(/^Invitation: Weekly sync — .*every week, 10 meetings$/);
      expect(invite).toMatchObject({ method: "REQUEST", uid, sequence: 0, start: Date.parse(SERIES_START) });
    }
    const { attachment } = await onlyEmailTo(env, org, org.manager);
    const series = readAll(attachment?.content ?? "");
    expect(series.events).toHaveLength(1);
    const [master] = series.events;
    if (!master) throw new Error("no master");
    const starts: number[] = [];
    const iterator = master.iterator();
    for (let next = iterator.next(); next && starts.length < 20; next = iterator.next())
      starts.push(next.toUnixTime() * 1000);
    expect(starts).toEqual(rows.map((m) => m.startAt.getTime()));
    // After the clock change the meeting keeps 10:00 in London: 09:00 UTC.
    expect(rows[9]?.startAt.toISOString()).toBe("2027-05-11T09:00:00.000Z");

    const third = rows[2];
    const fifth = rows[4];
    if (!third || !fifth) throw new Error("no occurrences");
    const moved = new Date(third.startAt.getTime() + 60 * 60_000);
    const patch = await call(env, "PATCH", `/api/v1/meetings/${third.id}`, {
      as: org.member.caller,
      body: { start: moved.toISOString() },
    });
    expect(patch.statusCode).toBe(200);
    const [, change] = await outboxTo(env, org.organisation.id, org.manager.person.email);
    const changed = readAll(change?.attachments?.[0]?.content ?? "");
    expect(changed.method).toBe("REQUEST");
    expect(changed.events).toHaveLength(1);
    expect(changed.events[0]).toMatchObject({ uid, sequence: 1 });
    expect(changed.events[0]?.sequence).toBeGreaterThan(master.sequence);
    expect(changed.events[0]?.recurrenceId?.toUnixTime()).toBe(third.startAt.getTime() / 1000);
    expect(changed.events[0]?.startDate.toUnixTime()).toBe(moved.getTime() / 1000);

    const removed = await call(env, "DELETE", `/api/v1/meetings/${fifth.id}`, { as: org.member.caller });
    expect(removed.statusCode).toBe(204);
    const [, , cancel] = await outboxTo(env, org.organisation.id, org.manager.person.email);
    expect(cancel?.subject).toMatch(/^Cancelled: Weekly sync/);
    const cancelled = readAll(cancel?.attachments?.[0]?.content ?? "");
    expect(cancelled.method).toBe("CANCEL");
    expect(cancelled.events).toHaveLength(1);
    expect(cancelled.events[0]).toMatchObject({ uid, sequence: 1 });
    expect(cancelled.vevents[0]?.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancelled.events[0]?.recurrenceId?.toUnixTime()).toBe(fifth.startAt.getTime() / 1000);

    // The feed: the same UID, the moved occurrence as an override, the cancelled one gone.
    const { url } = (await call(env, "POST", "/api/v1/me/calendar-feed", { as: org.manager.caller })).json();
    const feed = readAll((await call(env, "GET", new URL(url).pathname)).body);
    const ofSeries = feed.vevents.filter((v) => v.getFirstPropertyValue("uid") === uid);
    const feedMaster = ofSeries.find((v) => !v.hasProperty("recurrence-id"));
    if (!feedMaster) throw new Error("no series in the feed");
    const event = new ICAL.Event(feedMaster, { exceptions: ofSeries.filter((v) => v !== feedMaster) });
    const seen: number[] = [];
    const inFeed = event.iterator();
    for (let next = inFeed.next(); next && seen.length < 20; next = inFeed.next())
      seen.push(event.getOccurrenceDetails(next).startDate.toUnixTime() * 1000);
    expect(seen).toEqual(
      rows.filter((m) => m.id !== fifth.id).map((m) => (m.id === third.id ? moved : m.startAt).getTime()),
    );
  });
});

describe("invitations over SMTP", () => {
  let env: TestEnv;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
    // A database of its own: on PostgreSQL the shared one has workers without SMTP polling the same queue.
    env = await freshEnv({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await closeEnv(env);
    await smtp.close();
  });

  it("delivers the invitation as a text/calendar REQUEST that calendar apps answer", async () => {
    const org = await makeOrg(env);
    const meeting = await insertMeeting(env, org, {
      organiser: org.member,
      attendees: [{ who: org.manager }],
    });
    await queue(env, { organisationId: org.organisation.id, meetingIds: [meeting.id], method: "REQUEST" });
    expect(await processedEmailTo(env, org.organisation.id, org.manager.person.email)).toMatchObject({
      status: "sent",
    });
    const mail = await eventually(async () =>
      smtp.received.find((m) => m.text?.includes(`/meetings/${meeting.id}`)),
    );
    // nodemailer's icalEvent: a text/calendar alternative with the method, and the file attached.
    const alternative = mail.attachments.find((a) => a.contentType === "text/calendar");
    expect(alternative?.headers.get("content-type")).toMatchObject({ params: { method: "REQUEST" } });
    const file = mail.attachments.find((a) => a.filename === "invite.ics");
    expect(file?.contentType).toBe("application/ics");
    for (const part of [alternative, file]) {
      expect(readInvite(part?.content.toString("utf8") ?? "")).toMatchObject({
        method: "REQUEST",
        uid: `${meeting.id}@tandem`,
        sequence: 0,
      });
    }
  });
});
