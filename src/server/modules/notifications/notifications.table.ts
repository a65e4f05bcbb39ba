import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { NotificationKind } from "../../../contracts/notifications";
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";

/**
 * One row per recipient of a notification: the inbox, the delivery queue (`deliver_at` /
 * `delivered_at`) and, for `urgent` rows, the urgent log (sender, recipient, kind, outside hours).
 * Written inside the transaction of the change that caused it, so it exists iff that change committed.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind").$type<NotificationKind>().notNull(),
    subject: text("subject").notNull(),
    /** Markdown. */
    body: text("body").notNull(),
    /** A path in the web app ("/agreement"), or null. */
    link: text("link"),
    objectType: text("object_type"),
    objectId: text("object_id"),
    urgent: boolean("urgent").notNull().default(false),
    /** Who caused it (the urgent log's sender); null for the system. */
    actorId: uuid("actor_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    deliverAt: timestamp("deliver_at", { withTimezone: true }).notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Created outside the recipient's notification hours (absent counts as outside). */
    outsideHours: boolean("outside_hours").notNull().default(false),
    /** Held back by an absence: emailed only in the return-day digest, never on its own. */
    digestOnly: boolean("digest_only").notNull().default(false),
    /** When it went out by email, on its own or in a digest: never twice. */
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_inbox_idx").on(t.organisationId, t.recipientId, t.deliverAt, t.id),
    index("notifications_due_idx").on(t.deliverAt).where(sql`${t.deliveredAt} is null`),
    index("notifications_urgent_idx").on(t.organisationId, t.createdAt).where(sql`${t.urgent}`),
    index("notifications_digest_idx")
      .on(t.recipientId, t.createdAt)
      .where(sql`${t.emailedAt} is null and (${t.outsideHours} or ${t.digestOnly})`),
  ],
);

/** A person's email choices; absent means the defaults (email on, digest at 08:30 local). */
export const notificationSettings = pgTable("notification_settings", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  organisationId: uuid("organisation_id").notNull(),
  email: boolean("email").notNull().default(true),
  digestEnabled: boolean("digest_enabled").notNull().default(true),
  digestLocalTime: text("digest_local_time").notNull().default("08:30"),
  /** `{ [kind]: { email } }`: only the kinds the person changed. */
  kinds: jsonb("kinds")
    .$type<Partial<Record<NotificationKind, { email: boolean }>>>()
    .notNull()
    .default(sql`'{}'::jsonb`),
  /** When the last digest went out: the next one lists only what came after. */
  lastDigestAt: timestamp("last_digest_at", { withTimezone: true }),
});
