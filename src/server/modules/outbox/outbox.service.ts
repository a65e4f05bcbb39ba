import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OutboxEmailView } from "../../../contracts/onboarding";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { type Actor, authorize } from "../../platform/http/actor";
import { defineJob } from "../../platform/job";
import type { OutgoingEmail } from "../../platform/mail";
import { outboxEmails } from "./outbox.table";

const sendEmailPayload = z.object({ emailId: z.uuid(), organisationId: z.uuid() });
export type SendEmailJob = z.infer<typeof sendEmailPayload>;

/** Delivers one outbox email; idempotent, since a row already sent or kept is left alone. */
export const sendEmailJob = defineJob({
  name: "send-email",
  payload: sendEmailPayload,
  handle: (deps: Pick<Deps, "db" | "mailer">, job) => deliverEmail(deps, job),
});

/**
 * Queues an email inside the caller's transaction: the outbox row and its send-email job
 * exist exactly when the change that caused them commits.
 */
export async function queueEmail(
  tx: Executor,
  deps: Pick<Deps, "jobs">,
  email: OutgoingEmail & { organisationId: string },
): Promise<string> {
  const [row] = await tx.insert(outboxEmails).values(email).returning({ id: outboxEmails.id });
  if (!row) throw new Error("insert returned no row");
  await deps.jobs.send(tx, sendEmailJob, { emailId: row.id, organisationId: email.organisationId });
  return row.id;
}

/** `queueEmail` for many emails: one insert and one job insert, whatever their number. */
export async function queueEmails(
  tx: Executor,
  deps: Pick<Deps, "jobs">,
  emails: (OutgoingEmail & { organisationId: string })[],
): Promise<void> {
  if (emails.length === 0) return;
  const rows = await tx
    .insert(outboxEmails)
    .values(emails)
    .returning({ id: outboxEmails.id, organisationId: outboxEmails.organisationId });
  const jobs = rows.map((row) => ({ emailId: row.id, organisationId: row.organisationId }));
  await deps.jobs.sendMany(tx, sendEmailJob, jobs);
}

/**
 * The send-email job. With SMTP it sends and marks the row `sent`; a failure is recorded and
 * rethrown so pg-boss retries. Without SMTP the row is `kept` for admins to read. A row that
 * is already sent or kept is left alone, so a repeated job never sends twice.
 */
export async function deliverEmail(deps: Pick<Deps, "db" | "mailer">, job: SendEmailJob): Promise<void> {
  const where = and(eq(outboxEmails.organisationId, job.organisationId), eq(outboxEmails.id, job.emailId));
  const [email] = await deps.db.select().from(outboxEmails).where(where);
  if (!email || email.status === "sent" || email.status === "kept") return;
  const finish = (status: "sent" | "kept" | "failed", error: string | null = null) =>
    deps.db.update(outboxEmails).set({ status, error, processedAt: new Date() }).where(where);
  if (!deps.mailer) {
    await finish("kept");
    return;
  }
  try {
    await deps.mailer.send({
      to: email.to,
      subject: email.subject,
      text: email.text,
      ...(email.headers ? { headers: email.headers } : {}),
      ...(email.attachments ? { attachments: email.attachments } : {}),
    });
  } catch (err) {
    await finish("failed", err instanceof Error ? err.message.slice(0, 1000) : String(err));
    throw err;
  }
  await finish("sent");
}

export interface OutboxPage {
  limit: number;
  /** The id of the last email of the previous page. */
  after?: string | undefined;
}

/** The organisation's emails, newest first, for admins. */
export async function listOutbox(
  deps: Deps,
  actor: Actor,
  page: OutboxPage,
): Promise<{ emails: OutboxEmailView[]; nextCursor: string | null }> {
  authorize(actor, "outbox.read");
  const org = actor.organisationId;
  // Keyset on (created_at, id) read from the row itself: one transaction stamps many emails
  // with the same created_at, and a JavaScript Date would drop its microseconds.
  const after = page.after
    ? sql`(${outboxEmails.createdAt}, ${outboxEmails.id}) < (select o.created_at, o.id from ${outboxEmails} o where o.id = ${page.after} and o.organisation_id = ${org})`
    : undefined;
  const rows = await deps.db
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.organisationId, org), after))
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(page.limit + 1);
  const emails = rows.slice(0, page.limit);
  return {
    emails: emails.map(presentEmail),
    nextCursor: rows.length > page.limit ? (emails.at(-1)?.id ?? null) : null,
  };
}

function presentEmail(e: typeof outboxEmails.$inferSelect): OutboxEmailView {
  const { id, to, subject, text, status, error } = e;
  return {
    id,
    to,
    subject,
    text,
    status,
    error,
    attachments: (e.attachments ?? []).map(({ filename, contentType }) => ({ filename, contentType })),
    createdAt: e.createdAt.toISOString(),
    processedAt: e.processedAt?.toISOString() ?? null,
  };
}
