import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { MailAttachment } from "../../platform/mail";

export type EmailAttachment = MailAttachment;

/** Every email Tandem sends: queued here in the same transaction as its cause, then sent by a job. */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    /** Extra headers (List-Unsubscribe on notifications), sent as they are. */
    headers: jsonb("headers").$type<Record<string, string>>(),
    /** Files sent with it (meeting invitations: text/calendar), as text. */
    attachments: jsonb("attachments").$type<EmailAttachment[]>(),
    /** queued → sent (delivered over SMTP) | kept (no SMTP configured: readable in the outbox) | failed */
    status: text("status", { enum: ["queued", "sent", "kept", "failed"] })
      .notNull()
      .default("queued"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [index("outbox_emails_org_idx").on(t.organisationId, t.createdAt)],
);
