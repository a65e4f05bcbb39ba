import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { LOCKS, withAdvisoryLock } from "./lock";
import type { Database } from "./types";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../../migrations", import.meta.url));

export interface MigrationReport {
  /** Tags of the migrations this call applied, oldest first (empty when already up to date). */
  applied: string[];
  /** How many migrations the code ships. */
  total: number;
}

type RunSql = (text: string) => Promise<Record<string, unknown>[]>;

/**
 * Applies pending migrations. On PostgreSQL drizzle's migrator takes no lock, so we hold a
 * session advisory lock on one dedicated connection around it: instances starting together
 * migrate one after the other and the later ones find nothing to do.
 */
export async function migrate(database: Database): Promise<MigrationReport> {
  if (database.kind === "pglite") {
    const run: RunSql = async (text) => {
      const result = (await database.db.execute(sql.raw(text))) as unknown as {
        rows: Record<string, unknown>[];
      };
      return result.rows;
    };
    return reportAround(run, () =>
      migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_DIR }),
    );
  }
  return withAdvisoryLock(database.connectionString, LOCKS.migrations, (client) => {
    const run: RunSql = async (text) => (await client.query(text)).rows;
    return reportAround(run, () => migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_DIR }));
  });
}

/** drizzle records each applied migration with its journal timestamp: newer journal entries are what ran. */
async function reportAround(run: RunSql, apply: () => Promise<void>): Promise<MigrationReport> {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  const before = await lastAppliedAt(run);
  await apply();
  return {
    applied: journal.entries.filter((e) => e.when > before).map((e) => e.tag),
    total: journal.entries.length,
  };
}

async function lastAppliedAt(run: RunSql): Promise<number> {
  const [table] = await run("select to_regclass('drizzle.__drizzle_migrations') is not null as present");
  if (!table?.present) return 0;
  const [row] = await run("select max(created_at) as last from drizzle.__drizzle_migrations");
  return Number(row?.last ?? 0);
}
