import type { z } from "zod";

/**
 * A job, defined once: its queue name, the schema of its payload (checked when it is sent and
 * again when a worker takes it), what runs it and, for periodic work, how often it is sent.
 * Handlers are idempotent: a job run twice changes nothing more than once.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType, D = unknown> {
  readonly name: string;
  /** A schema that only checks (no transforms): what is sent is what the worker reads. */
  readonly payload: S;
  /** Method syntax on purpose: a module's list holds jobs of different payloads. */
  handle(deps: D, payload: z.output<S>): Promise<unknown>;
  /** Sent with an empty payload every this many minutes (a divisor of 60, or whole hours). */
  readonly everyMinutes?: number;
}

/** What sending needs: the queue and the schema the payload must satisfy. */
export type JobRef<S extends z.ZodType> = Pick<JobDefinition<S, never>, "name" | "payload">;

export function defineJob<S extends z.ZodType, D>(job: JobDefinition<S, D>): JobDefinition<S, D> {
  if (job.everyMinutes !== undefined && !job.payload.safeParse({}).success)
    throw new Error(`job "${job.name}" runs on a schedule, so its payload schema must accept {}`);
  return job;
}

/** A payload's problems in one line, for logs and programmer errors (never shown to users). */
export function payloadProblems(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`).join("; ");
}

/** Rows a sweep reads per query. */
export const SWEEP_BATCH = 100;

/**
 * A periodic job's sweep over what is due, a batch at a time: `due(limit)` reads up to `limit` rows
 * and `each` handles one, taking it out of what `due` answers (or the sweep would not end); the
 * sweep stops after a batch shorter than the limit.
 */
export async function sweep<Row>(
  due: (limit: number) => Promise<Row[]>,
  each: (row: Row) => Promise<void>,
  limit = SWEEP_BATCH,
): Promise<void> {
  for (;;) {
    const rows = await due(limit);
    for (const row of rows) await each(row);
    if (rows.length < limit) return;
  }
}
