import { type SQL, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { LOCKS, withAdvisoryLock } from "./db/lock";
import type { Database, Executor, SqlRunner } from "./db/types";

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

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
  ) {}

  static async start(
    database: Database,
    queues: readonly string[],
    pollingIntervalSeconds = 2,
  ): Promise<Jobs> {
    const boss = new PgBoss({
      ...(database.runner
        ? { db: database.runner as PgBoss.Db }
        : { connectionString: database.connectionString }),
      schema: "pgboss",
      max: 4,
      pollingIntervalSeconds,
      // Schedules and maintenance need no extra connection on PGlite; keep them on for PostgreSQL only.
      schedule: database.kind === "postgres",
      supervise: database.kind === "postgres",
    });
    boss.on("error", () => undefined);
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
    return new Jobs(boss, database.kind);
  }

  /** Enqueues inside `tx`; pg-boss answers null for a queue never created, which we treat as a bug. */
  async send(tx: Executor, queue: string, data: Record<string, unknown>): Promise<string> {
    const id = await this.boss.send(queue, data, { db: drizzleRunner(tx) as PgBoss.Db });
    if (!id) throw new Error(`job queue "${queue}" does not exist`);
    return id;
  }

  async work(queue: string, handler: JobHandler): Promise<void> {
    await this.boss.work<Record<string, unknown>>(queue, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
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

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
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
