import type { NotificationKind } from "../../../contracts/notifications";
import { deliveryTime } from "../../../core/notify";
import { DAY_MS } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { workingTimeProfilesOf } from "../people";
import { announceDelivered } from "./delivery";
import { insertNotifications, type NewNotification, notificationHoursOf } from "./notifications.repo";
import { queueWebhookEvents } from "./webhooks.service";

export interface Notification {
  organisationId: string;
  recipients: readonly string[];
  kind: NotificationKind;
  subject: string;
  /** Markdown. */
  body: string;
  /**
   * What webhooks (Slack channels, other systems) receive instead of `body`, when the body is for its
   * recipients only — a meeting's recap goes to its people, its webhook message only says where to read it.
   */
  webhookBody?: string | undefined;
  /** A path in the web app ("/agreement"), or null. */
  link: string | null;
  objectRef?: { type: string; id: string } | undefined;
  /** Delivered at once whatever the hours, and logged (the urgent log). */
  urgent?: boolean | undefined;
  /** Who caused it (the urgent log's sender); none for the system. */
  actorId?: string | null | undefined;
  /** The team it concerns: that team's webhooks receive it too. */
  teamId?: string | null | undefined;
}

/** How far ahead absences are read: past the delivery horizon and the longest leave it waits out. */
const ABSENCE_WINDOW_MS = 400 * DAY_MS;

export type NotifyDeps = Pick<Deps, "jobs" | "events" | "clock" | "config">;

/**
 * The one way to tell people something, called inside the transaction of the change it is about:
 * the rows exist, and anything is delivered, emailed or sent to webhooks, only if that commits.
 * Each recipient gets an inbox row delivered at once when urgent or inside their notification
 * hours (the agreement's `notificationHours` in their zone, travel and absences honoured), else
 * held for the sweep at the next start of their hours. Answers the inbox rows' ids by recipient.
 */
export async function notify(
  tx: Executor,
  deps: NotifyDeps,
  input: Notification,
): Promise<Map<string, string>> {
  const { organisationId } = input;
  const recipients = [...new Set(input.recipients)];
  const now = deps.clock.now();
  const at = now.getTime();
  const urgent = input.urgent ?? false;
  const [hours, profiles] = await Promise.all([
    notificationHoursOf(tx, organisationId),
    workingTimeProfilesOf(tx, organisationId, recipients, { start: at, end: at + ABSENCE_WINDOW_MS }),
  ]);
  const rows: NewNotification[] = recipients.map((recipientId) => {
    const found = profiles.get(recipientId);
    if (!found) throw new Error(`notify: no person ${recipientId} in the organisation`);
    const delivery = deliveryTime({ now: at, urgent, hours, person: found.profile });
    const deliverAt = new Date(delivery.deliverAt);
    return {
      organisationId,
      recipientId,
      kind: input.kind,
      subject: input.subject,
      body: input.body,
      link: input.link,
      objectType: input.objectRef?.type ?? null,
      objectId: input.objectRef?.id ?? null,
      urgent,
      actorId: input.actorId ?? null,
      createdAt: now,
      deliverAt,
      deliveredAt: delivery.deliverAt <= at ? now : null,
      outsideHours: delivery.outsideHours,
      digestOnly: delivery.afterAbsence,
    };
  });
  const inserted = await insertNotifications(tx, rows);
  await queueWebhookEvents(tx, deps, {
    organisationId,
    teamId: input.teamId ?? null,
    kind: input.kind,
    subject: input.subject,
    body: input.webhookBody ?? input.body,
    link: input.link,
    occurredAt: now,
  });
  // Urgent and in-hours rows reach the inbox now, in this transaction: no wait for the sweep.
  await announceDelivered(
    tx,
    deps,
    organisationId,
    inserted.filter((r) => r.deliveredAt !== null),
    now,
  );
  return new Map(inserted.map((r) => [r.recipientId, r.id]));
}
