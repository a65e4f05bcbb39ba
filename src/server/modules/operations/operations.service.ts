import { and, count, desc, eq, gt, isNotNull, max, sql } from "drizzle-orm";
import type { OperationsView } from "../../../contracts/operations";
import type { Deps } from "../../deps";
import { AppError } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { recordAudit } from "../audit";
import { webhooks } from "../notifications";
import { outboxEmails } from "../outbox";
import { lastBackup } from "./backup.service";
import { TANDEM_VERSION } from "./version";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The operations page: the instance's version, database, jobs and last backup; the organisation's mail and webhooks. */
export async function operationsOverview(deps: Deps, actor: Actor): Promise<OperationsView> {
  authorize(actor, "operations.read");
  const org = actor.organisationId;
  const [size, jobs, backup, mail, hooks] = await Promise.all([
    deps.db.execute(sql`select pg_database_size(current_database())::bigint as bytes`),
    deps.jobs.health({ key: "organisationId", value: org }),
    lastBackup(deps.db),
    mailHealth(deps, org),
    webhookHealth(deps, org),
  ]);
  const bytes = Number((size as unknown as { rows: { bytes: unknown }[] }).rows[0]?.bytes ?? 0);
  return {
    version: TANDEM_VERSION,
    database: { kind: deps.database.kind, sizeBytes: bytes },
    jobs: {
      queued: jobs.queued,
      failed: jobs.failed,
      failedJobs: jobs.failedJobs.map((j) => ({ ...j, failedAt: j.failedAt?.toISOString() ?? null })),
    },
    ...(backup
      ? {
          lastBackupAt: backup.takenAt.toISOString(),
          lastBackup: { at: backup.takenAt.toISOString(), bytes: backup.bytes, kind: backup.databaseKind },
        }
      : {}),
    mail,
    webhooks: hooks,
  };
}

/** Runs a failed job again: this organisation's or the instance's own; any other is not found. */
export async function retryJob(deps: Deps, actor: Actor, jobId: string, ip?: string) {
  authorize(actor, "operations.retryJob");
  const job = await deps.jobs.failedJob({ key: "organisationId", value: actor.organisationId }, jobId);
  if (!job) throw new AppError("not_found", "No failed job with this id; it may have run again already");
  return deps.db.transaction(async (tx) => {
    if (!(await deps.jobs.retry(tx, job.name, job.id))) {
      throw new AppError("conflict", "This job is no longer failed; reload to see where it stands");
    }
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.personId,
      action: "job.retried",
      targetType: "job",
      targetId: job.id,
      data: { name: job.name },
      ip,
    });
    return { job };
  });
}

async function mailHealth(deps: Deps, org: string): Promise<OperationsView["mail"]> {
  const since = new Date(deps.clock.now().getTime() - DAY_MS);
  const recent = and(eq(outboxEmails.organisationId, org), gt(outboxEmails.createdAt, since));
  const rows = await deps.db
    .select({ status: outboxEmails.status, n: count() })
    .from(outboxEmails)
    .where(recent)
    .groupBy(outboxEmails.status);
  const of = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  const [last] = await deps.db
    .select({ error: outboxEmails.error })
    .from(outboxEmails)
    .where(and(recent, eq(outboxEmails.status, "failed"), isNotNull(outboxEmails.error)))
    .orderBy(desc(outboxEmails.createdAt))
    .limit(1);
  return {
    configured: Boolean(deps.config.smtpUrl),
    sentLast24h: of("sent"),
    failedLast24h: of("failed"),
    ...(last?.error ? { lastError: last.error } : {}),
  };
}

async function webhookHealth(deps: Deps, org: string): Promise<OperationsView["webhooks"]> {
  const [row] = await deps.db
    .select({
      active: sql<number>`count(*) filter (where ${webhooks.enabled})::int`,
      failing: sql<number>`count(*) filter (where ${webhooks.enabled} and ${webhooks.firstFailureAt} is not null)::int`,
      disabled: sql<number>`count(*) filter (where not ${webhooks.enabled})::int`,
      lastFailureAt: max(webhooks.firstFailureAt),
    })
    .from(webhooks)
    .where(eq(webhooks.organisationId, org));
  return {
    active: Number(row?.active ?? 0),
    failing: Number(row?.failing ?? 0),
    disabled: Number(row?.disabled ?? 0),
    ...(row?.lastFailureAt ? { lastFailureAt: new Date(row.lastFailureAt).toISOString() } : {}),
  };
}
