import { and, eq, gte, inArray, lt, min, sql } from "drizzle-orm";
import { LOCKS, lockForTransaction } from "../../platform/db/lock";
import type { Executor } from "../../platform/db/types";
import { AppError } from "../../platform/errors";
import { loginFailures } from "./auth.table";

export const WINDOW_MS = 15 * 60 * 1000;
const LIMITS = { email: 5, ip: 50 } as const;

type ThrottleKind = keyof typeof LIMITS;
export type ThrottleKey = `${ThrottleKind}:${string}`;

const kindOf = (key: ThrottleKey) => key.split(":")[0] as ThrottleKind;

/** The rows that count one sign-in attempt; deleted again if the password turns out right. */
export interface Attempt {
  ids: string[];
}

/**
 * Sign-in throttling kept in the database so every instance sees the same counts. An attempt is
 * counted before its password is checked, in one transaction that holds a lock per key (address
 * first, then email, so two attempts never wait on each other in opposite orders): of any number
 * of concurrent attempts, only the limit get their password checked. Past the limit a key is
 * refused (429 + Retry-After) until its oldest failure leaves the window, whatever the password —
 * and unknown emails count the same.
 */
export async function beginAttempt(db: Executor, keys: ThrottleKey[], now = new Date()): Promise<Attempt> {
  return db.transaction(async (tx) => {
    const ordered = [...keys].sort((a, b) => Number(kindOf(a) === "email") - Number(kindOf(b) === "email"));
    for (const key of ordered) {
      await lockForTransaction(tx, kindOf(key) === "ip" ? LOCKS.signInAddress : LOCKS.signInEmail, key);
    }
    for (const key of ordered) await assertUnderLimit(tx, key, now);
    const rows = await tx
      .insert(loginFailures)
      .values(keys.map((key) => ({ key, at: now })))
      .returning({ id: loginFailures.id });
    // Old rows are useless: trim them as we go instead of a separate sweeper.
    await tx.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - 2 * WINDOW_MS)));
    return { ids: rows.map((r) => r.id) };
  });
}

async function assertUnderLimit(db: Executor, key: ThrottleKey, now: Date): Promise<void> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, oldest: min(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gte(loginFailures.at, new Date(now.getTime() - WINDOW_MS))));
  if (!row || row.n < LIMITS[kindOf(key)] || !row.oldest) return;
  const retryAfter = Math.max(
    1,
    Math.ceil((new Date(row.oldest).getTime() + WINDOW_MS - now.getTime()) / 1000),
  );
  throw new AppError("too_many_requests", `Too many failed sign-ins; try again in ${retryAfter} seconds`, {
    retryAfterSeconds: retryAfter,
  });
}

/**
 * A successful sign-in: this attempt does not count, and the account's earlier failures are forgiven.
 * Called inside the sign-in's transaction, holding the email's lock: two successful sign-ins of one
 * email at once each deleted its own row, then waited for the other's — a deadlock (a 500), seen with
 * several instances under load (`test/runtime/instances.test.ts`).
 */
export async function forgiveAttempt(tx: Executor, attempt: Attempt, emailKey: ThrottleKey): Promise<void> {
  await lockForTransaction(tx, LOCKS.signInEmail, emailKey);
  if (attempt.ids.length > 0) await tx.delete(loginFailures).where(inArray(loginFailures.id, attempt.ids));
  await tx.delete(loginFailures).where(eq(loginFailures.key, emailKey));
}
