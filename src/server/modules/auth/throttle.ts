import { and, eq, gte, lt, min, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { AppError } from "../../platform/errors";
import { loginFailures } from "./auth.table";

export const WINDOW_MS = 15 * 60 * 1000;
const LIMITS = { email: 5, ip: 50 } as const;

export type ThrottleKey = `${keyof typeof LIMITS}:${string}`;

/**
 * Sign-in throttling kept in the database so every instance sees the same counts. After the
 * limit of failures for one key in the window, the key is refused (429 + Retry-After) until the
 * oldest failure leaves the window, whatever the password — and unknown emails count the same.
 */
export async function assertNotThrottled(db: Executor, keys: ThrottleKey[], now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - WINDOW_MS);
  for (const key of keys) {
    const limit = LIMITS[key.split(":")[0] as keyof typeof LIMITS];
    const [row] = await db
      .select({ n: sql<number>`count(*)::int`, oldest: min(loginFailures.at) })
      .from(loginFailures)
      .where(and(eq(loginFailures.key, key), gte(loginFailures.at, since)));
    if (row && row.n >= limit && row.oldest) {
      const retryAfter = Math.max(
        1,
        Math.ceil((new Date(row.oldest).getTime() + WINDOW_MS - now.getTime()) / 1000),
      );
      throw new AppError(
        "too_many_requests",
        `Too many failed sign-ins; try again in ${retryAfter} seconds`,
        {
          retryAfterSeconds: retryAfter,
        },
      );
    }
  }
}

export async function recordFailures(db: Executor, keys: ThrottleKey[]): Promise<void> {
  await db.insert(loginFailures).values(keys.map((key) => ({ key })));
  // Old rows are useless: trim them as we go instead of a separate sweeper.
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(Date.now() - 2 * WINDOW_MS)));
}

export async function clearFailures(db: Executor, key: ThrottleKey): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, key));
}
