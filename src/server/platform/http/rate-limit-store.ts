import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import { sql } from "drizzle-orm";
import type { Db } from "../db/types";

/** What `@fastify/rate-limit` hands a store's `incr`: the count in the key's window and the ms left of it. */
type Counted = { current: number; ttl: number };
type Callback = (err: Error | null, result: Counted) => void;

/** Expired windows are deleted this often (by every instance: a cheap delete, and any one suffices). */
const TRIM_EVERY_MS = 60_000;

export interface SharedRateLimitStore {
  /** The class `@fastify/rate-limit` instantiates (its `store` option). */
  Store: FastifyRateLimitStoreCtor;
  /** Deletes windows that ended; run every minute, public for tests. */
  trim(): Promise<void>;
  /** Stops the trimming timer. */
  close(): void;
}

/**
 * The request rate limit kept in PostgreSQL, so it holds whichever instance a request reaches: a
 * fixed window per client key (`now` is the instance's clock, in ms) (`rate_limits`, one row per key), counted by ONE statement per
 * request — an upsert that starts a new window or adds one to the current one, and returns the
 * count. Windows are aligned to the clock (minute boundaries for a one-minute window), so every
 * instance agrees on them without asking the database's time; an instance whose clock lags a little
 * counts into the newer window rather than starting an older one.
 */
export function sharedRateLimitStore(db: Db, now: () => number): SharedRateLimitStore {
  let windowMs = 60_000;
  const trim = async () => {
    const ended = new Date(now() - windowMs);
    await db.execute(sql`delete from rate_limits where window_start <= ${ended.toISOString()}::timestamptz`);
  };
  const timer = setInterval(() => void trim().catch(() => undefined), TRIM_EVERY_MS);
  timer.unref();

  class Store implements FastifyRateLimitStore {
    /** `@fastify/rate-limit` passes its options; the window comes with each `incr`. */
    constructor(
      _options?: unknown,
      private readonly prefix = "",
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      windowMs = timeWindow;
      const at = now();
      const start = at - (at % timeWindow);
      const windowStart = new Date(start).toISOString();
      db.execute(sql`
        insert into rate_limits as r (key, window_start, hits)
        values (${this.prefix + key}, ${windowStart}::timestamptz, 1)
        on conflict (key) do update set
          hits = case when excluded.window_start > r.window_start then 1 else r.hits + 1 end,
          window_start = greatest(r.window_start, excluded.window_start)
        returning hits`).then(
        (result) => {
          const rows = (result as unknown as { rows: { hits: number }[] }).rows;
          callback(null, { current: rows[0]?.hits ?? 1, ttl: start + timeWindow - at });
        },
        (err: unknown) =>
          callback(err instanceof Error ? err : new Error(String(err)), { current: 0, ttl: 0 }),
      );
    }

    /** A route with a limit of its own counts apart from the global one. */
    child(routeOptions: object): Store {
      const route = (routeOptions as { routeInfo?: { method?: string; url?: string } }).routeInfo;
      return new Store(undefined, route?.url ? `${route.method ?? ""} ${route.url}|` : "");
    }
  }

  return { Store, trim, close: () => clearInterval(timer) };
}
