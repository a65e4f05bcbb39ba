import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The request rate limit's counters on PostgreSQL, shared by every instance (`rate-limit-store.ts`):
 * one row per client key holding its current fixed window. UNLOGGED (see its migration): a count
 * lost in a database crash only restarts a minute's window, and no WAL is written per request.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  hits: integer("hits").notNull(),
});
