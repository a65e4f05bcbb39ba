import { z } from "zod";
import { uuid } from "./common";

/** A job that failed for good: its queue, why, and when (admins retry it from the operations page). */
export const failedJobView = z.object({
  id: z.string(),
  name: z.string(),
  error: z.string().nullable(),
  failedAt: z.string().nullable(),
});
export type FailedJobView = z.infer<typeof failedJobView>;

/** The instance as an admin sees it: what runs, how big, what failed, when it was last backed up. */
export const operationsView = z.object({
  version: z.string(),
  database: z.object({ kind: z.enum(["pglite", "postgres"]), sizeBytes: z.number() }),
  /** This organisation's jobs and the instance's own (sweeps): waiting to run, and failed. */
  jobs: z.object({ queued: z.number(), failed: z.number(), failedJobs: z.array(failedJobView) }),
  /** The last `tandem backup` of this instance (embedded database only); absent when none was taken. */
  lastBackupAt: z.string().optional(),
  lastBackup: z.object({ at: z.string(), bytes: z.number(), kind: z.string() }).optional(),
  mail: z.object({
    /** SMTP_URL is set; without it email is kept in the outbox. */
    configured: z.boolean(),
    sentLast24h: z.number(),
    failedLast24h: z.number(),
    lastError: z.string().optional(),
  }),
  webhooks: z.object({
    active: z.number(),
    /** Enabled webhooks whose last attempts failed (disabled 24 h after the first failure). */
    failing: z.number(),
    disabled: z.number(),
    lastFailureAt: z.string().optional(),
  }),
});
export type OperationsView = z.infer<typeof operationsView>;

export const jobParams = z.strictObject({ id: uuid });
export const retriedJob = z.object({ job: z.object({ id: z.string(), name: z.string() }) });
