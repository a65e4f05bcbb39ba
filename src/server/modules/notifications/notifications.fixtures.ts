import { and, eq } from "drizzle-orm";
import type { TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv } from "../../../../test/support/harness";
import { utc } from "../../../../test/support/time";
import { liveEvents } from "../../platform/events/live-events.table";
import { outboxEmails } from "../outbox";
import { notify } from "./notifications.service";
import { notifications } from "./notifications.table";
import { webhookDeliveries } from "./webhooks.table";

/** Times and reads shared by the notifications tests (delivery, email and digest, inbox). */

// Europe/London in December is UTC: makeOrg's people work Monday to Friday, 09:00–17:00.
export const WED_NOON = utc(2026, 12, 9, 12);
export const WED_EVENING = utc(2026, 12, 9, 20);
export const THU_0859 = utc(2026, 12, 10, 8, 59);
export const THU_0900 = utc(2026, 12, 10, 9);

/** A reserved name that never resolves: saved as a public address, and nothing is ever sent in these tests. */
export const HOOK = {
  url: "https://hooks.example.test/notify",
  format: "signed" as const,
  events: ["notification.test" as const],
};

/**
 * The notifications tests' reads and the one way they send, over the test file's shared env (`envOf()`,
 * set in its beforeAll): a notification's rows, emails, live events, webhook deliveries, the inbox.
 */
export function notificationHelpers(envOf: () => TestEnv) {
  const rowsOf = (org: TestOrg, recipientId: string) =>
    envOf()
      .deps.db.select()
      .from(notifications)
      .where(
        and(
          eq(notifications.organisationId, org.organisation.id),
          eq(notifications.recipientId, recipientId),
        ),
      );

  const emailsTo = (org: TestOrg, to: string) =>
    envOf()
      .deps.db.select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.organisationId, org.organisation.id), eq(outboxEmails.to, to)));

  const deliveredEvents = (org: TestOrg) =>
    envOf()
      .deps.db.select()
      .from(liveEvents)
      .where(
        and(
          eq(liveEvents.organisationId, org.organisation.id),
          eq(liveEvents.type, "notification.delivered"),
        ),
      );

  const webhookDeliveriesOf = (org: TestOrg) =>
    envOf()
      .deps.db.select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.organisationId, org.organisation.id));

  const send = (org: TestOrg, recipients: string[], extra: { urgent?: boolean; subject?: string } = {}) =>
    envOf().deps.db.transaction((tx) =>
      notify(tx, envOf().deps, {
        organisationId: org.organisation.id,
        recipients,
        kind: "notification.test",
        subject: extra.subject ?? "Hello",
        body: "Some **news**.",
        link: "/agreement",
        urgent: extra.urgent,
        actorId: org.admin.person.id,
      }),
    );

  const inbox = async (org: TestOrg, who: "member" | "manager", query = "") =>
    (await call(envOf(), "GET", `/api/v1/inbox${query}`, { as: org[who].caller })).json();

  return { rowsOf, emailsTo, deliveredEvents, webhookDeliveriesOf, send, inbox };
}
