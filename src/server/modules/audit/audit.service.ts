import { and, desc, eq, lt } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { auditLog } from "./audit.table";

export type AuditAction =
  | "organisation.created"
  | "auth.login"
  | "auth.login_failed"
  | "auth.logout"
  | "person.created"
  | "person.role_changed"
  | "person.imported"
  | "token.created"
  | "token.deleted"
  | "invitation.created"
  | "invitation.accepted";

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

export async function listAudit(executor: Executor, organisationId: string, before?: Date, limit = 100) {
  const rows = await executor
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, organisationId), before ? lt(auditLog.at, before) : undefined))
    .orderBy(desc(auditLog.at))
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
    nextCursor: rows.length > limit ? (page.at(-1)?.at.toISOString() ?? null) : null,
  };
}
