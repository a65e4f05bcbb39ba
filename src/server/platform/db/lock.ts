import { sql } from "drizzle-orm";
import pg from "pg";
import type { Executor } from "./types";

/** Arbitrary constants, one per kind of start-up work that instances must take turns at. */
export const LOCKS = {
  migrations: 7_214_001,
  jobQueues: 7_214_002,
  firstRun: 7_214_003,
  roles: 7_214_004,
  signInEmail: 7_214_005,
  signInAddress: 7_214_006,
  liveEvents: 7_214_007,
} as const;

/**
 * Runs `work` holding a PostgreSQL session advisory lock on a dedicated connection, so instances
 * starting together do it one after the other (and the later ones find it done).
 */
export async function withAdvisoryLock<T>(
  connectionString: string | undefined,
  key: number,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [key]);
    return await work(client);
  } finally {
    await client.query("select pg_advisory_unlock($1)", [key]).catch(() => undefined);
    await client.end();
  }
}

/**
 * Holds `key` (within `scope`, e.g. an organisation id, when given) until the caller's transaction
 * ends, so racing requests take turns at one check-then-write.
 */
export async function lockForTransaction(tx: Executor, key: number, scope?: string): Promise<void> {
  await tx.execute(
    scope === undefined
      ? sql`select pg_advisory_xact_lock(${key})`
      : sql`select pg_advisory_xact_lock(${key}::int, hashtext(${scope}))`,
  );
}
