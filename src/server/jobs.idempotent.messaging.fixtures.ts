import { and, count, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { makeOrg, type TestOrg } from "../../test/support/factories";
import { freshEnv, type TestEnv, testEnv } from "../../test/support/harness";
import { DAY, type JobCases, type LocalServers, rowsOf, runTwice } from "./jobs.idempotent.fixtures";
import { agreementRemindersJob } from "./modules/agreement";
import { agreementReminders, agreementVersions } from "./modules/agreement/agreement.table";
import { auditLog } from "./modules/audit/audit.table";
import { refreshCalendarJob, refreshDueCalendarsJob } from "./modules/calendars";
import { busyIntervals, calendars } from "./modules/calendars/calendars.table";
import {
  deliverDueNotificationsJob,
  deliverWebhookJob,
  notify,
  sendDigestsJob,
  webhookRetriesJob,
} from "./modules/notifications";
import { notifications } from "./modules/notifications/notifications.table";
import { webhookDeliveries, webhooks } from "./modules/notifications/webhooks.table";
import { outboxEmails, sendEmailJob } from "./modules/outbox";
import { liveEvents } from "./platform/events/live-events.table";

/**
 * The messaging jobs' cases for `jobs.idempotent.test.ts` (outbox, calendars, agreement reminders,
 * notifications and webhooks): `servers` gives the local servers they send to and fetch from, once started.
 */
export function messagingJobCases(servers: () => LocalServers): JobCases {
  return {
    async "send-email"() {
      const env = await testEnv({ SMTP_URL: servers().smtp.url });
      const org = await makeOrg(env);
      const to = `once-${org.organisation.id}@example.test`;
      // Stored without its job, so only this test delivers it.
      const [email] = await env.deps.db
        .insert(outboxEmails)
        .values({ organisationId: org.organisation.id, to, subject: "Once", text: "Only once." })
        .returning({ id: outboxEmails.id });
      const where = eq(outboxEmails.id, email?.id ?? "");
      const state = async () => ({
        received: servers().smtp.received.filter((m) => m.subject === "Once" && m.text?.includes("Only once"))
          .length,
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
      const calendarId = await urlCalendar(env, org, `${servers().icsBase}/team.ics`);
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
      const calendarId = await urlCalendar(env, org, `${servers().icsBase}/missing.ics`);
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
      const { organisationId, deliveryId, state } = await dueWebhookDelivery(
        env,
        org,
        `${servers().icsBase}/hook`,
      );
      // Sent once: a second run finds it delivered (a second send would count a second attempt).
      const once = await runTwice(deliverWebhookJob, env.deps, { organisationId, deliveryId }, state);
      expect(once).toEqual([{ status: "delivered", attempts: 1 }]);
    },

    async "webhook-retries"() {
      // Its own database: the sweep covers every organisation's deliveries.
      const env = await freshEnv({ TANDEM_ALLOW_PRIVATE_URLS: "true" });
      const org = await makeOrg(env);
      const { state } = await dueWebhookDelivery(env, org, `${servers().icsBase}/missing.ics`);
      // The first run's attempt fails (404) and waits 30 s for its retry, so the second sends nothing.
      const once = await runTwice(webhookRetriesJob, env.deps, {}, state);
      expect(once).toEqual([{ status: "retrying", attempts: 1 }]);
    },
  };
}

/** The member's calendar subscribed to `url` (the local server). */
async function urlCalendar(env: TestEnv, org: TestOrg, url: string): Promise<string> {
  const [row] = await env.deps.db
    .insert(calendars)
    .values({
      organisationId: org.organisation.id,
      personId: org.member.person.id,
      name: "Team",
      kind: "url",
      url,
    })
    .returning({ id: calendars.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

/** The refresh jobs queued for the calendar. */
async function queuedRefreshes(env: TestEnv, calendarId: string): Promise<unknown[]> {
  const jobs = await env.deps.db.execute(
    sql`select id from pgboss.job where name = ${refreshCalendarJob.name} and data->>'calendarId' = ${calendarId}`,
  );
  return (jobs as unknown as { rows: unknown[] }).rows;
}

/** A webhook to the local server (`url`) and one delivery due now, stored without its job (only the test sends it). */
async function dueWebhookDelivery(env: TestEnv, org: TestOrg, url: string) {
  const organisationId = org.organisation.id;
  const [webhook] = await env.deps.db
    .insert(webhooks)
    .values({
      organisationId,
      url,
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
