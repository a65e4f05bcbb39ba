import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { Database, Db } from "./types";

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** Sees the SQL text of every statement sent through drizzle (tests: "a GET writes nothing"). */
  onQuery?: (sql: string) => void;
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite in `dataDir` (created on first use). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10, options.onQuery)
    : openPglite(options.dataDir, options.onQuery);
}

const drizzleOptions = (onQuery: DatabaseOptions["onQuery"]) =>
  onQuery ? { logger: { logQuery: (query: string) => onQuery(query) } } : {};

async function openPostgres(
  url: string,
  max: number,
  onQuery?: DatabaseOptions["onQuery"],
): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const db = drizzlePg(pool, drizzleOptions(onQuery)) as unknown as Db;
  return {
    kind: "postgres",
    db,
    runner: undefined,
    connectionString: url,
    ping: () => ping(db),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string, onQuery?: DatabaseOptions["onQuery"]): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client, drizzleOptions(onQuery)) as unknown as Db;
  return {
    kind: "pglite",
    db,
    runner: {
      // PGlite's query() rejects several statements at once; parameterless SQL goes through exec().
      async executeSql(text, values) {
        onQuery?.(text);
        if (values && values.length > 0) return client.query(text, values);
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      },
    },
    connectionString: undefined,
    // Between transactions (none open, none starting meanwhile), so the files hold committed work only.
    dumpDataDir: () => client._runExclusiveTransaction(() => client.dumpDataDir("gzip")),
    ping: () => ping(db),
    close: () => client.close(),
  };
}

async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
