import { sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * An instant column read as epoch milliseconds by the database, for queries that read many rows:
 * parsing 150,000 timestamps into Dates took a second. Read it back with `Number(…)` (a driver may
 * answer the float as text).
 */
export const epochMs = (column: AnyPgColumn) => sql<number>`(extract(epoch from ${column}) * 1000)::float8`;
