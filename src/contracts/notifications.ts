import { z } from "zod";
import { instant, text, uuid } from "./common";

/**
 * Every kind of notification, one list: what `notify` accepts, what people switch email on or off
 * for, and what webhooks subscribe to. Later modules add their kinds here.
 */
export const NOTIFICATION_KINDS = [
  "agreement.version_to_acknowledge",
  "policy.version_to_acknowledge",
  "acknowledgement.reminder",
  "calendar.import_failed",
  "invitation.accepted",
  "webhook.disabled",
  "notification.test",
  "meeting.invited",
  "meeting.changed",
  "meeting.cancelled",
  "meeting.agenda_missing",
  "meeting.recap",
  "action_item.assigned",
  "update.posted",
  "update.mentioned",
  "update.reply_requested",
  "update.reply_reminder",
  "update.commented",
  "update.decided",
  "update.stalled",
  "checkin.due",
  "checkin.reminder",
  "checkin.blocker",
  "checkin.digest",
] as const;
export const notificationKind = z.enum(NOTIFICATION_KINDS, {
  message: `must be one of: ${NOTIFICATION_KINDS.join(", ")}`,
});
export type NotificationKind = z.infer<typeof notificationKind>;

/** A local wall-clock time, "HH:MM" (00:00–23:59). */
export const localTime = text().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time HH:MM, such as 08:30");

// ── Inbox ────────────────────────────────────────────────────────────────────────────────────────
export const inboxQuery = z.strictObject({
  unread: z.enum(["true", "false"], { message: "must be true or false" }).optional(),
  kind: notificationKind.optional(),
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const inboxItemView = z.object({
  id: z.string(),
  kind: notificationKind,
  subject: z.string(),
  /** Markdown, as the sender wrote it. */
  body: z.string(),
  /** The body rendered by the server's sanitising markdown renderer (platform/markdown), for the inbox page. */
  html: z.string(),
  /** A path in the web app ("/agreement") or null. */
  link: z.string().nullable(),
  urgent: z.boolean(),
  createdAt: z.string(),
  deliverAt: z.string(),
  readAt: z.string().nullable(),
});
export type InboxItemView = z.infer<typeof inboxItemView>;

export const inboxPage = z.object({
  items: z.array(inboxItemView),
  nextCursor: z.string().nullable(),
  /** Delivered and unread, whatever the filters: what the bell shows. */
  unreadCount: z.number(),
});
export type InboxPage = z.infer<typeof inboxPage>;

export const markReadBody = z.union(
  [
    z.strictObject({ ids: z.array(uuid).min(1, "must name at least one item").max(500) }),
    z.strictObject({ all: z.literal(true, { message: "must be true" }) }),
  ],
  { message: 'send { "ids": [...] } or { "all": true }' },
);

// ── Settings ─────────────────────────────────────────────────────────────────────────────────────
export const notificationSettingsBody = z.strictObject({
  email: z.boolean({ message: "must be true or false" }),
  digest: z.strictObject({ enabled: z.boolean({ message: "must be true or false" }), localTime }),
  kinds: z.partialRecord(
    notificationKind,
    z.strictObject({ email: z.boolean({ message: "must be true or false" }) }),
  ),
});
export type NotificationSettingsBody = z.infer<typeof notificationSettingsBody>;

export const notificationSettingsView = z.object({
  email: z.boolean(),
  digest: z.object({ enabled: z.boolean(), localTime: z.string() }),
  /** Every kind, with its effective email choice. */
  kinds: z.record(z.string(), z.object({ email: z.boolean() })),
  /** The hours that apply and where they come from, for the settings page to explain. */
  hours: z.object({
    source: z.enum(["working_hours", "agreement"]),
    start: z.string().nullable(),
    end: z.string().nullable(),
    timeZone: z.string(),
    description: z.string(),
  }),
});
export type NotificationSettingsView = z.infer<typeof notificationSettingsView>;

// ── Webhooks ─────────────────────────────────────────────────────────────────────────────────────
export const WEBHOOK_FORMATS = ["slack", "signed"] as const;
export const webhookBody = z.strictObject({
  url: text().max(2000, "must be at most 2000 characters"),
  format: z.enum(WEBHOOK_FORMATS, { message: "must be slack or signed" }),
  events: z
    .array(notificationKind)
    .min(1, "must name at least one kind of event")
    .max(NOTIFICATION_KINDS.length),
  teamId: uuid.optional(),
});
export const webhookView = z.object({
  id: z.string(),
  url: z.string(),
  format: z.enum(WEBHOOK_FORMATS),
  events: z.array(notificationKind),
  teamId: z.string().nullable(),
  enabled: z.boolean(),
  createdAt: z.string(),
  /** Why it was switched off, when it was. */
  disabledReason: z.string().nullable(),
});
export type WebhookView = z.infer<typeof webhookView>;
export const webhookCreated = z.object({ webhook: webhookView, secret: z.string() });

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "retrying", "delivered", "failed"] as const;
export const webhookDeliveryView = z.object({
  id: z.string(),
  event: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
});
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryView>;
/** `GET /webhooks`, `GET /webhooks/:id/deliveries` (newest first, the last 100) and `POST /webhooks/:id/test` (202). */
export const webhookList = z.object({ webhooks: z.array(webhookView) });
export const webhookDeliveryList = z.object({ deliveries: z.array(webhookDeliveryView) });
export const webhookTestQueued = z.object({ delivery: webhookDeliveryView });

// ── Urgent log and the test notification ─────────────────────────────────────────────────────────
export const urgentLogQuery = z.strictObject({ from: instant.optional(), to: instant.optional() });
export const urgentLogEntry = z.object({
  at: z.string(),
  senderId: z.string().nullable(),
  recipientId: z.string(),
  kind: notificationKind,
  outsideHours: z.boolean(),
});
export const urgentLogView = z.object({
  entries: z.array(urgentLogEntry),
  summary: z.object({ total: z.number(), outsideHours: z.number() }),
  /** Per week (Monday, in the organisation's zone) for the chart. */
  weeks: z.array(z.object({ weekStart: z.string(), total: z.number(), outsideHours: z.number() })),
});
export type UrgentLogView = z.infer<typeof urgentLogView>;

export const testNotificationBody = z.strictObject({
  urgent: z.boolean({ message: "must be true or false" }).optional(),
});
