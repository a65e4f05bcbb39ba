import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

/** One query builder type for both drivers (PGlite embedded, node-postgres). */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle is a Db too: repositories take whichever they are given. */
export type Executor = Db;

/** What pg-boss needs to run SQL: a text with $n placeholders and its values. */
export interface SqlRunner {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /** Runs SQL outside drizzle (pg-boss on PGlite); undefined on PostgreSQL, where pg-boss connects itself. */
  runner: SqlRunner | undefined;
  connectionString: string | undefined;
  /** The embedded database's data directory as a gzipped tar, consistent (PGlite only; `tandem backup`). */
  dumpDataDir?: () => Promise<Blob>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
