import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { auditLog } from "./audit.table";

export type AuditAction =
  | "organisation.created"
  | "auth.login"
  | "auth.login_failed"
  | "auth.logout"
  | "auth.sso_login"
  | "auth.sso_failed"
  | "sso.configured"
  | "person.created"
  | "person.role_changed"
  | "person.email_changed"
  | "person.export_requested"
  | "organisation.export_requested"
  | "person.imported"
  | "token.created"
  | "token.deleted"
  | "invitation.created"
  | "invitation.accepted"
  | "webhook.created"
  | "webhook.deleted"
  | "webhook.secret_rotated"
  | "webhook.disabled"
  | "meeting.created"
  | "meeting.changed"
  | "meeting.cancelled"
  | "meeting.override"
  | "update.decided"
  | "update.posted"
  | "update.deleted"
  | "document.created"
  | "document.deleted"
  | "recordings.retention_changed"
  | "checkin.created"
  | "checkin.changed"
  | "checkin.deleted"
  | "privacy.thresholds_changed"
  | "job.retried"
  | "erasure.requested"
  | "erasure.cancelled"
  | "erasure.carried_out";

export interface AuditEntry {
  organisationId: string;
  actorId?: string | null | undefined;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
  ip?: string | undefined;
}

/** Writes one audit row with the caller's executor, so it commits or rolls back with the change. */
export async function recordAudit(executor: Executor, entry: AuditEntry): Promise<void> {
  await executor.insert(auditLog).values({
    organisationId: entry.organisationId,
    actorId: entry.actorId ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    data: entry.data ?? null,
    ip: entry.ip ?? null,
  });
}

/** `recordAudit` for many entries in one statement (bulk imports). */
export async function recordAudits(executor: Executor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await executor.insert(auditLog).values(
    entries.map((entry) => ({
      organisationId: entry.organisationId,
      actorId: entry.actorId ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      data: entry.data ?? null,
      ip: entry.ip ?? null,
    })),
  );
}

/**
 * Newest first. The cursor is the last entry's id: rows written in one transaction share their
 * timestamp, so a time cursor would skip some of them.
 */
export async function listAudit(executor: Executor, organisationId: string, beforeId?: string, limit = 100) {
  const rows = await executor
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.organisationId, organisationId),
        beforeId
          ? sql`(${auditLog.at}, ${auditLog.id}) < (select a.at, a.id from ${auditLog} a where a.id = ${beforeId} and a.organisation_id = ${organisationId})`
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    entries: page.map((r) => ({
      id: r.id,
      action: r.action,
      actorId: r.actorId,
      targetType: r.targetType,
      targetId: r.targetId,
      data: r.data,
      ip: r.ip,
      at: r.at.toISOString(),
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
