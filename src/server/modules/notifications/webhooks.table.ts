import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { NotificationKind } from "../../../contracts/notifications";
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";
import { teams } from "../teams/teams.table";

/** An endpoint that receives notification events: the organisation's (team null) or one team's. */
export const webhooks = pgTable(
  "webhooks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Null: the organisation's, sent every event; else the team's, sent that team's events only. */
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    format: text("format", { enum: ["slack", "signed"] }).notNull(),
    events: jsonb("events").$type<NotificationKind[]>().notNull(),
    /**
     * Kept as is (not hashed): every delivery is signed with it. The instance has no key to encrypt
     * it with; the secret is shown only at creation and rotation.
     */
    secret: text("secret").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    disabledReason: text("disabled_reason"),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The first failed attempt with no success since: 24 h after it the webhook is disabled. */
    firstFailureAt: timestamp("first_failure_at", { withTimezone: true }),
  },
  (t) => [index("webhooks_org_idx").on(t.organisationId, t.teamId)],
);

/** What one delivery sends, whatever the format: rendered when sent, the same at every attempt. */
export interface WebhookEventData {
  subject: string;
  body: string;
  /** Absolute, or null. */
  link: string | null;
  occurredAt: string;
}

/** One event for one webhook, with its attempts so far. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    event: text("event").$type<NotificationKind>().notNull(),
    /** What `X-Tandem-Delivery` carries: the same at every attempt, so receivers can drop repeats. */
    deliveryId: uuid("delivery_id").notNull().unique().defaultRandom(),
    payload: jsonb("payload").$type<WebhookEventData>().notNull(),
    status: text("status", { enum: ["pending", "retrying", "delivered", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** When it is due (pending or retrying); null once delivered or failed. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    /** Set while a sender holds it (a lease past the send timeout), so two senders never both send. */
    sendingUntil: timestamp("sending_until", { withTimezone: true }),
    firstAttemptAt: timestamp("first_attempt_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    index("webhook_deliveries_webhook_idx").on(t.organisationId, t.webhookId, t.createdAt),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
  ],
);
