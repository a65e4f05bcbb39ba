import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, count, eq, type SQL, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { buildCheckin, buildMeeting, buildRecording, buildUpdate } from "../../test/support/build";
import { makeOrg, type TestOrg } from "../../test/support/factories";
import { closeOpenEnvs, freshEnv, type TestEnv, testEnv } from "../../test/support/harness";
import { startSmtp, type TestSmtp } from "../../test/support/smtp";
import { JOBS } from "./modules";
import { agreementRemindersJob } from "./modules/agreement";
import { agreementReminders, agreementVersions } from "./modules/agreement/agreement.table";
import { auditLog } from "./modules/audit/audit.table";
import { refreshCalendarJob, refreshDueCalendarsJob } from "./modules/calendars";
import { busyIntervals, calendars } from "./modules/calendars/calendars.table";
import { checkinDigests, checkinOccurrences } from "./modules/checkins/checkins.table";
import { deliverCheckinsJob, remindCheckinsJob } from "./modules/checkins/delivery.jobs";
import { postCheckinDigestsJob } from "./modules/checkins/digest.jobs";
import { erasureJobCases } from "./modules/data-rights/erasure.jobs.fixtures";
import { buildExportJob, expireExportsJob } from "./modules/data-rights/export.job";
import { exportKey } from "./modules/data-rights/export.keys";
import { dataExports } from "./modules/data-rights/export.table";
import { insightsJobCases } from "./modules/insights/rollup.jobs.fixtures";
import { flagEmptyAgendasJob } from "./modules/meetings/agenda.jobs";
import { meetings } from "./modules/meetings/meetings.table";
import {
  deliverDueNotificationsJob,
  deliverWebhookJob,
  notify,
  sendDigestsJob,
  webhookRetriesJob,
} from "./modules/notifications";
import { notifications } from "./modules/notifications/notifications.table";
import { webhookDeliveries, webhooks } from "./modules/notifications/webhooks.table";
import { importPeopleJob } from "./modules/onboarding";
import { peopleImports } from "./modules/onboarding/import.table";
import { outboxEmails, sendEmailJob } from "./modules/outbox";
import { people } from "./modules/people";
import { videoKey } from "./modules/recordings/keys";
import {
  deleteRecordingFilesJob,
  expireRecordingsJob,
  sweepAbandonedRecordingsJob,
} from "./modules/recordings/recordings.jobs";
import { recordingSettings, recordings } from "./modules/recordings/recordings.table";
import { updates } from "./modules/updates";
import { flagStalledThreadsJob, remindReplyByJob } from "./modules/updates/updates.jobs";
import { liveEvents } from "./platform/events/live-events.table";
import type { JobDefinition } from "./platform/job";

const DAY = 86_400_000;
const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10).replace(/-/g, "");
const ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "BEGIN:VEVENT",
  "UID:idempotent@test",
  `DTSTART:${tomorrow}T090000Z`,
  `DTEND:${tomorrow}T103000Z`,
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

let server: Server;
let icsBase: string;
let smtp: TestSmtp;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/missing.ics") res.writeHead(404).end();
    else res.writeHead(200, { "content-type": "text/calendar" }).end(ICS);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  icsBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  smtp = await startSmtp();
});
// The sweeps' cases each open a database of their own: closed after each, or a run on PostgreSQL
// holds more connections than it has ("too many clients already").
afterEach(() => closeOpenEnvs());
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await smtp.close();
});

/** Runs the job's handler twice with one payload: the second run must change nothing `state` reads. */
async function runTwice<D>(
  job: JobDefinition<z.ZodType, D>,
  deps: D,
  payload: unknown,
  state: () => Promise<unknown>,
): Promise<unknown> {
  await job.handle(deps, payload);
  const once = await state();
  await job.handle(deps, payload);
  expect(await state()).toEqual(once);
  return once;
}

const rowsOf = async (
  env: TestEnv,
  table: typeof auditLog | typeof outboxEmails | typeof people | typeof notifications,
  org: string,
) => (await env.deps.db.select({ n: count() }).from(table).where(eq(table.organisationId, org)))[0]?.n;

async function urlCalendar(env: TestEnv, org: TestOrg, path: string): Promise<string> {
  const [row] = await env.deps.db
    .insert(calendars)
    .values({
      organisationId: org.organisation.id,
      personId: org.member.person.id,
      name: "Team",
      kind: "url",
      url: `${icsBase}${path}`,
    })
    .returning({ id: calendars.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

async function queuedRefreshes(env: TestEnv, calendarId: string): Promise<unknown[]> {
  const jobs = await env.deps.db.execute(
    sql`select id from pgboss.job where name = ${refreshCalendarJob.name} and data->>'calendarId' = ${calendarId}`,
  );
  return (jobs as unknown as { rows: unknown[] }).rows;
}

/** A webhook to the local server and one delivery due now, stored without its job (only the test sends it). */
async function dueWebhookDelivery(env: TestEnv, org: TestOrg, path: string) {
  const organisationId = org.organisation.id;
  const [webhook] = await env.deps.db
    .insert(webhooks)
    .values({
      organisationId,
      url: `${icsBase}${path}`,
      format: "signed",
      events: ["notification.test"],
      secret: "s",
    })
    .returning({ id: webhooks.id });
  const [delivery] = await env.deps.db
    .insert(webhookDeliveries)
    .values({
      organisationId,
      webhookId: webhook?.id ?? "",
      event: "notification.test",
      payload: { subject: "Once", body: "Only once.", link: null, occurredAt: new Date().toISOString() },
      nextAttemptAt: env.deps.clock.now(),
    })
    .returning();
  if (!delivery) throw new Error("insert returned no row");
  const state = () =>
    env.deps.db
      .select({ status: webhookDeliveries.status, attempts: webhookDeliveries.attempts })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, delivery.id));
  return { organisationId, deliveryId: delivery.id, state };
}

const cases: Record<string, () => Promise<void>> = {
  ...insightsJobCases,
  ...erasureJobCases,
  async "send-email"() {
    const env = await testEnv({ SMTP_URL: smtp.url });
    const org = await makeOrg(env);
    const to = `once-${org.organisation.id}@example.test`;
    // Stored without its job, so only this test delivers it.
    const [email] = await env.deps.db
      .insert(outboxEmails)
      .values({ organisationId: org.organisation.id, to, subject: "Once", text: "Only once." })
      .returning({ id: outboxEmails.id });
    const where = eq(outboxEmails.id, email?.id ?? "");
    const state = async () => ({
      received: smtp.received.filter((m) => m.subject === "Once" && m.text?.includes("Only once")).length,
      row: await env.deps.db
        .select({ status: outboxEmails.status, at: outboxEmails.processedAt })
        .from(outboxEmails)
        .where(where),
    });
    const once = await runTwice(
      sendEmailJob,
      env.deps,
      { emailId: email?.id, organisationId: org.organisation.id },
      state,
    );
    expect(once).toMatchObject({ received: 1, row: [{ status: "sent" }] });
  },

  async "refresh-calendar"() {
    const env = await freshEnv({ TANDEM_ALLOW_PRIVATE_URLS: "true" });
    const org = await makeOrg(env);
    const calendarId = await urlCalendar(env, org, "/team.ics");
    const state = async () => ({
      calendar: await env.deps.db
        .select({
          events: calendars.eventCount,
          error: calendars.lastError,
          failed: calendars.failedRefreshes,
        })
        .from(calendars)
        .where(eq(calendars.id, calendarId)),
      busy: await env.deps.db
        .select({ start: busyIntervals.startAt, end: busyIntervals.endAt })
        .from(busyIntervals)
        .where(eq(busyIntervals.calendarId, calendarId)),
    });
    const once = await runTwice(
      refreshCalendarJob,
      env.deps,
      { organisationId: org.organisation.id, calendarId },
      state,
    );
    expect(once).toMatchObject({ calendar: [{ events: 1, error: null, failed: 0 }], busy: [{}] });
    await env.app.close();
  },

  async "refresh-due-calendars"() {
    // Its own database: the sweep covers every organisation's calendars.
    const env = await freshEnv({ TANDEM_ALLOW_PRIVATE_URLS: "true" });
    const org = await makeOrg(env);
    const calendarId = await urlCalendar(env, org, "/missing.ics");
    const state = () => queuedRefreshes(env, calendarId);
    const once = await runTwice(refreshDueCalendarsJob, env.deps, {}, state);
    expect(once).toHaveLength(1);
    await env.app.close();
  },

  async "agreement-reminders"() {
    // Its own database: the sweep covers every organisation.
    const env = await freshEnv();
    const org = await makeOrg(env);
    const orgId = org.organisation.id;
    await env.deps.db
      .update(agreementVersions)
      .set({ publishedAt: new Date(Date.now() - 10 * DAY) })
      .where(eq(agreementVersions.organisationId, orgId));
    const reminders = () =>
      env.deps.db
        .select({ n: count() })
        .from(agreementReminders)
        .where(eq(agreementReminders.organisationId, orgId));
    // Reminders go through notify: an inbox row per person (emailed in their hours or their digest).
    const state = async () => ({
      notifications: await rowsOf(env, notifications, orgId),
      emails: await rowsOf(env, outboxEmails, orgId),
      reminders: await reminders(),
      audit: await rowsOf(env, auditLog, orgId),
    });
    const once = (await runTwice(agreementRemindersJob, env.deps, {}, state)) as { notifications: number };
    expect(once.notifications).toBe(5); // everyone: nobody has acknowledged yet
    await env.app.close();
  },

  async "deliver-due-notifications"() {
    const { env, orgId } = await heldOvernight("2026-12-10T09:00:00Z");
    const state = async () => ({
      delivered: await env.deps.db
        .select({ at: notifications.deliveredAt })
        .from(notifications)
        .where(eq(notifications.organisationId, orgId)),
      events: (
        await env.deps.db
          .select({ n: count() })
          .from(liveEvents)
          .where(and(eq(liveEvents.organisationId, orgId), eq(liveEvents.type, "notification.delivered")))
      )[0]?.n,
      emails: await rowsOf(env, outboxEmails, orgId),
    });
    const once = await runTwice(deliverDueNotificationsJob, env.deps, {}, state);
    expect(once).toMatchObject({ delivered: [{ at: new Date("2026-12-10T09:00:00Z") }], events: 1 });
  },

  async "send-notification-digests"() {
    const { env, orgId } = await heldOvernight("2026-12-10T08:30:00Z");
    const state = async () => ({ emails: await rowsOf(env, outboxEmails, orgId) });
    const once = await runTwice(sendDigestsJob, env.deps, {}, state);
    expect(once).toEqual({ emails: 1 });
  },

  async "deliver-webhook"() {
    const env = await freshEnv({ TANDEM_ALLOW_PRIVATE_URLS: "true" });
    const org = await makeOrg(env);
    const { organisationId, deliveryId, state } = await dueWebhookDelivery(env, org, "/hook");
    // Sent once: a second run finds it delivered (a second send would count a second attempt).
    const once = await runTwice(deliverWebhookJob, env.deps, { organisationId, deliveryId }, state);
    expect(once).toEqual([{ status: "delivered", attempts: 1 }]);
  },

  async "webhook-retries"() {
    // Its own database: the sweep covers every organisation's deliveries.
    const env = await freshEnv({ TANDEM_ALLOW_PRIVATE_URLS: "true" });
    const org = await makeOrg(env);
    const { state } = await dueWebhookDelivery(env, org, "/missing.ics");
    // The first run's attempt fails (404) and waits 30 s for its retry, so the second sends nothing.
    const once = await runTwice(webhookRetriesJob, env.deps, {}, state);
    expect(once).toEqual([{ status: "retrying", attempts: 1 }]);
  },

  async "flag-empty-agendas"() {
    // Its own database: the sweep covers every organisation's meetings.
    const env = await freshEnv();
    env.deps.clock = { now: () => new Date("2030-01-07T08:00:00Z") };
    const org = await makeOrg(env);
    const orgId = org.organisation.id;
    const { meeting } = await buildMeeting(env, { org }); // Tuesday 10:00 UTC, an empty agenda
    env.deps.clock = { now: () => new Date("2030-01-07T12:00:00Z") }; // past the 24-hour notice
    const state = async () => ({
      told: (
        await env.deps.db
          .select({ n: count() })
          .from(notifications)
          .where(
            and(eq(notifications.organisationId, orgId), eq(notifications.kind, "meeting.agenda_missing")),
          )
      )[0]?.n,
      flagged: await env.deps.db
        .select({ at: meetings.agendaFlaggedAt })
        .from(meetings)
        .where(eq(meetings.id, meeting.id)),
      events: (
        await env.deps.db
          .select({ n: count() })
          .from(liveEvents)
          .where(and(eq(liveEvents.organisationId, orgId), eq(liveEvents.type, "meeting.changed")))
      )[0]?.n,
    });
    const once = await runTwice(flagEmptyAgendasJob, env.deps, {}, state);
    expect(once).toMatchObject({ told: 2, flagged: [{ at: new Date("2030-01-07T12:00:00Z") }] });
  },

  async "remind-reply-by"() {
    // Its own database: the sweep covers every organisation's responders.
    const env = await freshEnv();
    env.deps.clock = { now: () => new Date("2030-01-07T09:00:00Z") }; // Monday 09:00 London
    const org = await makeOrg(env);
    const orgId = org.organisation.id;
    await buildUpdate(env, { org, author: org.manager, responders: [org.member] });
    env.deps.clock = { now: () => new Date("2030-01-07T13:05:00Z") }; // past 50% of their 8 hours
    const state = async () => ({
      told: await env.deps.db
        .select({ to: notifications.recipientId })
        .from(notifications)
        .where(and(eq(notifications.organisationId, orgId), eq(notifications.kind, "update.reply_reminder"))),
    });
    const once = await runTwice(remindReplyByJob, env.deps, {}, state);
    expect(once).toEqual({ told: [{ to: org.member.person.id }] });
  },

  async "flag-stalled-threads"() {
    // Its own database: the sweep covers every organisation's threads.
    const env = await freshEnv();
    env.deps.clock = { now: () => new Date("2030-01-07T09:00:00Z") };
    const org = await makeOrg(env);
    const orgId = org.organisation.id;
    const { update } = await buildUpdate(env, { org, author: org.manager, responders: [org.member] });
    env.deps.clock = { now: () => new Date("2030-01-08T09:00:00Z") }; // the reply-by passed unanswered
    const state = async () => ({
      told: (
        await env.deps.db
          .select({ n: count() })
          .from(notifications)
          .where(and(eq(notifications.organisationId, orgId), eq(notifications.kind, "update.stalled")))
      )[0]?.n,
      flagged: await env.deps.db
        .select({ at: updates.stalledAt })
        .from(updates)
        .where(eq(updates.id, update.id)),
      events: (
        await env.deps.db
          .select({ n: count() })
          .from(liveEvents)
          .where(and(eq(liveEvents.organisationId, orgId), eq(liveEvents.type, "update.changed")))
      )[0]?.n,
    });
    const once = await runTwice(flagStalledThreadsJob, env.deps, {}, state);
    expect(once).toMatchObject({ told: 2, flagged: [{ at: new Date("2030-01-08T09:00:00Z") }] });
  },

  async "deliver-checkins"() {
    // Its own database: the sweep covers every organisation's rituals.
    const { env, orgId, org } = await standupFor("2030-01-07T10:00:00Z"); // Monday, after 09:30 London
    const state = async () => ({
      occurrences: await env.deps.db
        .select({ to: checkinOccurrences.personId, localDate: checkinOccurrences.localDate })
        .from(checkinOccurrences)
        .where(eq(checkinOccurrences.organisationId, orgId)),
      told: await checkinNotices(env, orgId, "checkin.due"),
    });
    const once = await runTwice(deliverCheckinsJob, env.deps, {}, state);
    expect(once).toEqual({
      occurrences: [{ to: org.member.person.id, localDate: "2030-01-07" }],
      told: [{ to: org.member.person.id }],
    });
  },

  async "remind-checkins"() {
    // Its own database: the sweep covers every organisation's occurrences.
    const { env, orgId, org } = await standupFor("2030-01-07T10:00:00Z");
    await deliverCheckinsJob.handle(env.deps, {});
    env.deps.clock = { now: () => new Date("2030-01-08T09:05:00Z") }; // past the reminder, Tuesday 09:00
    const state = () => checkinNotices(env, orgId, "checkin.reminder");
    const once = await runTwice(remindCheckinsJob, env.deps, {}, state);
    expect(once).toEqual([{ to: org.member.person.id }]);
  },

  async "post-checkin-digests"() {
    // Its own database: the sweep covers every organisation's rituals.
    const { env, orgId, org } = await standupFor("2030-01-07T10:00:00Z");
    await deliverCheckinsJob.handle(env.deps, {});
    env.deps.clock = { now: () => new Date("2030-01-08T12:00:00Z") }; // Monday's window closed, the day over
    const state = async () => ({
      digests: await env.deps.db
        .select({ localDate: checkinDigests.localDate, updateId: checkinDigests.updateId })
        .from(checkinDigests)
        .where(eq(checkinDigests.organisationId, orgId)),
      posts: await env.deps.db
        .select({ id: updates.id })
        .from(updates)
        .where(and(eq(updates.organisationId, orgId), eq(updates.kind, "checkin_digest"))),
      told: await env.deps.db
        .select({ to: notifications.recipientId })
        .from(notifications)
        .where(and(eq(notifications.organisationId, orgId), eq(notifications.kind, "checkin.digest"))),
    });
    const once = await runTwice(postCheckinDigestsJob, env.deps, {}, state);
    const posted = (once as { posts: { id: string }[] }).posts[0]?.id;
    expect(once).toEqual({
      digests: [{ localDate: "2030-01-07", updateId: posted }],
      posts: [{ id: expect.any(String) }],
      told: [{ to: org.member.person.id }],
    });
  },

  async "delete-recording-files"() {
    const env = await testEnv();
    const org = await makeOrg(env);
    const organisationId = org.organisation.id;
    const { recording } = await buildRecording(env, { org });
    await env.deps.db.update(recordings).set({ status: "deleting" }).where(eq(recordings.id, recording.id));
    const state = () => recordingState(env, organisationId, recording.id);
    const once = await runTwice(
      deleteRecordingFilesJob,
      env.deps,
      { organisationId, recordingIds: [recording.id] },
      state,
    );
    expect(once).toEqual({ rows: [], file: null });
  },

  async "expire-recordings"() {
    // Its own database: the sweep covers every organisation's recordings.
    const env = await freshEnv();
    const org = await makeOrg(env);
    const organisationId = org.organisation.id;
    await env.deps.db.insert(recordingSettings).values({ organisationId, retentionDays: 1 });
    const { recording } = await buildRecording(env, { org, createdAt: new Date(Date.now() - 2 * DAY) });
    const state = () => recordingState(env, organisationId, recording.id);
    const once = await runTwice(expireRecordingsJob, env.deps, {}, state);
    expect(once).toEqual({ rows: [{ status: "expired", expiredAt: expect.any(Date) }], file: null });
  },

  async "sweep-abandoned-recordings"() {
    // Its own database: the sweep covers every organisation's recordings.
    const env = await freshEnv();
    const org = await makeOrg(env);
    const organisationId = org.organisation.id;
    const { recording } = await buildRecording(env, { org, createdAt: new Date(Date.now() - 8 * DAY) });
    const kept = (await buildRecording(env, { org })).recording;
    const state = async () => ({
      swept: await recordingState(env, organisationId, recording.id),
      kept: await recordingState(env, organisationId, kept.id),
    });
    const once = await runTwice(sweepAbandonedRecordingsJob, env.deps, {}, state);
    expect(once).toEqual({
      swept: { rows: [], file: null },
      kept: { rows: [{ status: "ready", expiredAt: null }], file: kept.bytes },
    });
  },

  async "import-people"() {
    const env = await testEnv();
    const org = await makeOrg(env);
    const orgId = org.organisation.id;
    const csv = `name,email,role,timeZone,team\nAda,ada-${orgId}@example.test,member,UTC,\nBo,bo-${orgId}@example.test,member,UTC,\n`;
    // Recorded without its job, so only this test runs it.
    const [record] = await env.deps.db
      .insert(peopleImports)
      .values({
        organisationId: orgId,
        createdBy: org.hr.person.id,
        total: 2,
        csv,
        report: { created: [], skipped: [] },
      })
      .returning({ id: peopleImports.id });
    const importWhere: SQL | undefined = and(
      eq(peopleImports.organisationId, orgId),
      eq(peopleImports.id, record?.id ?? ""),
    );
    const state = async () => ({
      people: await rowsOf(env, people, orgId),
      emails: await rowsOf(env, outboxEmails, orgId),
      audit: await rowsOf(env, auditLog, orgId),
      record: await env.deps.db
        .select({ status: peopleImports.status, processed: peopleImports.processed })
        .from(peopleImports)
        .where(importWhere),
    });
    const once = await runTwice(
      importPeopleJob,
      env.deps,
      { importId: record?.id, organisationId: orgId },
      state,
    );
    expect(once).toMatchObject({ people: 7, emails: 2, record: [{ status: "done", processed: 2 }] });
  },

  async "build-export"() {
    const env = await testEnv();
    const org = await makeOrg(env);
    const organisationId = org.organisation.id;
    // Recorded without its job, so only this test runs it.
    const [row] = await env.deps.db
      .insert(dataExports)
      .values({
        organisationId,
        kind: "person",
        personId: org.member.person.id,
        requestedBy: org.member.person.id,
      })
      .returning({ id: dataExports.id });
    const exportId = row?.id ?? "";
    const once = await runTwice(buildExportJob, env.deps, { exportId, organisationId }, () =>
      exportState(env, organisationId, exportId),
    );
    expect(once).toMatchObject({ rows: [{ status: "ready", progress: 100 }], file: expect.any(Number) });
  },

  async "expire-exports"() {
    // Its own database: the sweep covers every organisation's exports.
    const env = await freshEnv();
    const org = await makeOrg(env);
    const organisationId = org.organisation.id;
    const [row] = await env.deps.db
      .insert(dataExports)
      .values({ organisationId, kind: "organisation", requestedBy: org.owner.person.id })
      .returning({ id: dataExports.id });
    const exportId = row?.id ?? "";
    await buildExportJob.handle(env.deps, { exportId, organisationId });
    await env.deps.db
      .update(dataExports)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(dataExports.id, exportId));
    const once = await runTwice(expireExportsJob, env.deps, {}, () =>
      exportState(env, organisationId, exportId),
    );
    expect(once).toEqual({ rows: [{ status: "expired", progress: 100 }], file: null });
  },
};

describe("every job is idempotent: run twice with one payload, it changes nothing more", () => {
  it("has a case here for each job of every module", () => {
    expect(Object.keys(cases).sort()).toEqual(JOBS.map((job) => job.name).sort());
  });

  it.each(Object.keys(cases))("%s", async (name) => {
    await cases[name]?.();
  });
});

/** A recording's row (status, expiry) and its video file's size, or null when gone. */
async function recordingState(env: TestEnv, organisationId: string, id: string) {
  return {
    rows: await env.deps.db
      .select({ status: recordings.status, expiredAt: recordings.expiredAt })
      .from(recordings)
      .where(and(eq(recordings.organisationId, organisationId), eq(recordings.id, id))),
    file: await env.deps.storage.size(videoKey(organisationId, id)),
  };
}

/**
 * A notification sent to a member on Wednesday 20:00 London (outside their hours), in its own database
 * since the notification sweeps cover every organisation; then the clock set to `then`.
 */
async function heldOvernight(then: string) {
  const env = await freshEnv();
  env.deps.clock = { now: () => new Date("2026-12-09T20:00:00Z") };
  const org = await makeOrg(env);
  const orgId = org.organisation.id;
  await env.deps.db.transaction((tx) =>
    notify(tx, env.deps, {
      organisationId: orgId,
      recipients: [org.member.person.id],
      kind: "notification.test",
      subject: "While away",
      body: "Held until Thursday.",
      link: "/inbox",
    }),
  );
  env.deps.clock = { now: () => new Date(then) };
  return { env, orgId };
}

/** A daily standup for the member (09:30 London, Monday to Friday) in its own database; then the clock set to `then`. */
async function standupFor(then: string) {
  const env = await freshEnv();
  env.deps.clock = { now: () => new Date("2030-01-06T12:00:00Z") };
  const org = await makeOrg(env);
  await buildCheckin(env, { org, participants: [org.member] });
  env.deps.clock = { now: () => new Date(then) };
  return { env, org, orgId: org.organisation.id };
}

const checkinNotices = (env: TestEnv, orgId: string, kind: "checkin.due" | "checkin.reminder") =>
  env.deps.db
    .select({ to: notifications.recipientId })
    .from(notifications)
    .where(and(eq(notifications.organisationId, orgId), eq(notifications.kind, kind)));

/** An export's row (status, progress) and its ZIP's size, or null when gone. */
async function exportState(env: TestEnv, organisationId: string, id: string) {
  return {
    rows: await env.deps.db
      .select({ status: dataExports.status, progress: dataExports.progress })
      .from(dataExports)
      .where(and(eq(dataExports.organisationId, organisationId), eq(dataExports.id, id))),
    file: await env.deps.storage.size(exportKey(organisationId, id)),
  };
}
