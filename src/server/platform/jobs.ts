import { type SQL, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { z } from "zod";
import { LOCKS, withAdvisoryLock } from "./db/lock";
import type { Database, Executor, SqlRunner } from "./db/types";
import { type JobDefinition, type JobRef, payloadProblems } from "./job";
import { type Log, silentLog } from "./log";

const SCHEMA = "pgboss";
/** Jobs a worker takes per fetch of a queue. */
const BATCH = 25;

export interface JobsOptions {
  pollingIntervalSeconds?: number;
  /** Where a job refused for its payload, or a failing handler, is reported. */
  log?: Log;
}

/**
 * The job queue: pg-boss in the same database as the data, on PostgreSQL natively and on
 * PGlite through its SQL runner. Jobs are sent inside the caller's transaction (outbox), so a
 * job exists exactly when the change that caused it was committed.
 */
export class Jobs {
  private readonly timers: NodeJS.Timeout[] = [];

  private constructor(
    private readonly boss: PgBoss,
    private readonly kind: Database["kind"],
    private readonly queues: readonly string[],
    private readonly log: Log,
  ) {}

  /** Starts pg-boss and creates the queue of every job given (all of them: see `modules.ts`). */
  static async start(
    database: Database,
    jobs: readonly Pick<JobDefinition, "name">[],
    { pollingIntervalSeconds = 2, log = silentLog }: JobsOptions = {},
  ): Promise<Jobs> {
    const queues = jobs.map((job) => job.name);
    const boss = new PgBoss({
      ...(database.runner
        ? { db: database.runner as PgBoss.Db }
        : { connectionString: database.connectionString }),
      schema: SCHEMA,
      max: 4,
      pollingIntervalSeconds,
      // Schedules and maintenance need no extra connection on PGlite; keep them on for PostgreSQL only.
      schedule: database.kind === "postgres",
      supervise: database.kind === "postgres",
    });
    boss.on("error", (err: Error & { queue?: string }) =>
      log.error(
        { queue: err.queue, reason: err.message },
        err.queue ? `job ${err.queue} failed` : "job queue error",
      ),
    );
    await boss.start();
    const createQueues = async () => {
      for (const name of queues) {
        if (!(await boss.getQueue(name)))
          await boss.createQueue(name, { name, retryLimit: 5, retryDelay: 30 });
      }
    };
    // pg-boss creates a queue without a lock: two instances creating the same one deadlock.
    if (database.kind === "postgres")
      await withAdvisoryLock(database.connectionString, LOCKS.jobQueues, createQueues);
    else await createQueues();
    return new Jobs(boss, database.kind, queues, log);
  }

  /**
   * Enqueues inside `tx`, with a payload the job's schema accepts (else a programmer error is
   * thrown); pg-boss answers null for a queue never created, which we treat as a bug too.
   */
  async send<S extends z.ZodType>(tx: Executor, job: JobRef<S>, payload: z.input<S>): Promise<string> {
    const data = checkedPayload(job, payload);
    const id = await this.boss.send(job.name, data, { db: drizzleRunner(tx) as PgBoss.Db });
    if (!id) throw new Error(`job queue "${job.name}" does not exist`);
    return id;
  }

  /**
   * `send` for many jobs of one queue in a single statement (bulk imports). pg-boss's insert
   * answers nothing and skips jobs of an unknown queue, so only queues created at start are accepted.
   */
  async sendMany<S extends z.ZodType>(tx: Executor, job: JobRef<S>, payloads: z.input<S>[]): Promise<void> {
    if (!this.queues.includes(job.name)) throw new Error(`job queue "${job.name}" was not created at start`);
    if (payloads.length === 0) return;
    const jobs = payloads.map((payload) => ({ name: job.name, data: checkedPayload(job, payload) }));
    await this.boss.insert(jobs, { db: drizzleRunner(tx) as PgBoss.Db });
  }

  /**
   * Runs `job` for each one taken from its queue, up to BATCH per poll (pg-boss waits a polling
   * interval between fetches, so one job per fetch would send a notification to 2,500 people at
   * one email per interval). A payload its schema refuses (sent by other code, or before the schema
   * changed) fails that job for good, logged with the reason. A handler's error fails that job
   * alone, logged, and pg-boss retries it; the rest of the batch goes on and completes.
   */
  async work<S extends z.ZodType, D>(job: JobDefinition<S, D>, deps: D): Promise<void> {
    await this.boss.work<unknown>(job.name, { batchSize: BATCH }, async (taken) => {
      for (const { id, data } of taken) {
        const parsed = job.payload.safeParse(data ?? {});
        if (!parsed.success) {
          await this.refuse(job.name, id, payloadProblems(parsed.error));
          continue;
        }
        try {
          await job.handle(deps, parsed.data);
        } catch (err) {
          const reason = err instanceof Error ? err.message : String(err);
          this.log.error({ queue: job.name, jobId: id, reason }, `job ${job.name} failed`);
          await this.boss.fail(job.name, id, { reason });
        }
      }
    });
  }

  /** Fails a job without retries: the same payload would be refused again. */
  private async refuse(queue: string, id: string, reason: string): Promise<void> {
    this.log.error({ queue, jobId: id, reason }, `job ${queue} refused: its payload is invalid`);
    const db = this.boss.getDb() as PgBoss.Db;
    await db.executeSql(`UPDATE ${SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`, [
      queue,
      id,
    ]);
    await this.boss.fail(queue, id, { reason: `invalid payload: ${reason}` });
  }

  /**
   * Sends an empty job to `queue` every `minutes` (a divisor of 60, or whole hours): pg-boss's cron
   * schedule on PostgreSQL (one job per tick across instances); on PGlite, which runs no cron
   * supervisor and serves one process, a timer here.
   */
  async every(queue: string, minutes: number): Promise<void> {
    if (this.kind === "postgres") {
      const cron = minutes < 60 ? `*/${minutes} * * * *` : `0 */${Math.round(minutes / 60)} * * *`;
      await this.boss.schedule(queue, cron);
      return;
    }
    const timer = setInterval(() => void this.boss.send(queue, {}).catch(() => undefined), minutes * 60_000);
    timer.unref();
    this.timers.push(timer);
  }

  /**
   * Jobs waiting (created, retry) and failed, over the jobs whose payload's `key` is `value` and those
   * whose payload has no `key` at all (the instance's sweeps); with the latest failed ones.
   */
  async health(scope: { key: string; value: string }, limit = 20): Promise<JobHealth> {
    const where = `(data->>$1 = $2 or not (coalesce(data, '{}'::jsonb) ? $1))`;
    const db = this.boss.getDb() as PgBoss.Db;
    const counts = await db.executeSql(
      `SELECT count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS queued,
              count(*) FILTER (WHERE state = 'failed')::int AS failed
         FROM ${SCHEMA}.job WHERE ${where}`,
      [scope.key, scope.value],
    );
    const failed = await db.executeSql(
      `SELECT id::text AS id, name, coalesce(output->>'reason', output->>'message') AS error,
              completed_on AS failed_at
         FROM ${SCHEMA}.job WHERE state = 'failed' AND ${where}
        ORDER BY completed_on DESC NULLS LAST LIMIT $3`,
      [scope.key, scope.value, limit],
    );
    const row = (counts.rows[0] ?? {}) as { queued?: number; failed?: number };
    return {
      queued: Number(row.queued ?? 0),
      failed: Number(row.failed ?? 0),
      failedJobs: (
        failed.rows as { id: string; name: string; error: string | null; failed_at: unknown }[]
      ).map((r) => ({ id: r.id, name: r.name, error: r.error, failedAt: toDate(r.failed_at) })),
    };
  }

  /** A failed job in `scope` (see `health`), by id: its queue name, or null when there is none. */
  async failedJob(
    scope: { key: string; value: string },
    id: string,
  ): Promise<{ id: string; name: string } | null> {
    const db = this.boss.getDb() as PgBoss.Db;
    const found = await db.executeSql(
      `SELECT id::text AS id, name FROM ${SCHEMA}.job
        WHERE id = $3::uuid AND state = 'failed' AND (data->>$1 = $2 or not (coalesce(data, '{}'::jsonb) ? $1))`,
      [scope.key, scope.value, id],
    );
    return (found.rows[0] as { id: string; name: string } | undefined) ?? null;
  }

  /** Runs a failed job again (pg-boss `retry`), inside `tx`: true when it was failed and is queued again. */
  async retry(tx: Executor, name: string, id: string): Promise<boolean> {
    const result = (await this.boss.retry(name, id, { db: drizzleRunner(tx) as PgBoss.Db })) as unknown as {
      affected?: number;
    };
    return (result.affected ?? 0) > 0;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}

function checkedPayload<S extends z.ZodType>(job: JobRef<S>, payload: unknown): Record<string, unknown> {
  const parsed = job.payload.safeParse(payload);
  if (!parsed.success)
    throw new Error(`job "${job.name}" was sent an invalid payload: ${payloadProblems(parsed.error)}`);
  return parsed.data as Record<string, unknown>;
}

/** Runs pg-boss's `$n`-parameterised SQL through a drizzle handle (so inside its transaction). */
export function drizzleRunner(executor: Executor): SqlRunner {
  return {
    async executeSql(text, values = []) {
      const result = await executor.execute(toSql(text, values));
      return { rows: (result as unknown as { rows: unknown[] }).rows };
    },
  };
}

function toSql(text: string, values: unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, match.index)));
    // As a bound parameter: drizzle would drop an undefined value and spread an array.
    chunks.push(sql`${sql.param(values[Number(match[1]) - 1] ?? null)}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

export interface JobHealth {
  queued: number;
  failed: number;
  failedJobs: { id: string; name: string; error: string | null; failedAt: Date | null }[];
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
}
