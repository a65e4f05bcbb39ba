import { and, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { people } from "../people/people.table";
import { organisationSso, ssoPendingLogins } from "./sso.table";

export type SsoRow = typeof organisationSso.$inferSelect;
export type PendingLogin = typeof ssoPendingLogins.$inferSelect;

export async function findSso(executor: Executor, organisationId: string): Promise<SsoRow | null> {
  const [row] = await executor
    .select()
    .from(organisationSso)
    .where(eq(organisationSso.organisationId, organisationId));
  return row ?? null;
}

export async function upsertSso(
  executor: Executor,
  row: typeof organisationSso.$inferInsert,
): Promise<SsoRow> {
  const { organisationId, ...changes } = row;
  const [saved] = await executor
    .insert(organisationSso)
    .values(row)
    .onConflictDoUpdate({ target: organisationSso.organisationId, set: changes })
    .returning();
  if (!saved) throw new Error("upsert returned no row");
  return saved;
}

/** The organisation whose SSO claims this email domain, when exactly one does. */
export async function organisationForDomain(executor: Executor, domain: string): Promise<string | null> {
  const rows = await executor
    .select({ organisationId: organisationSso.organisationId })
    .from(organisationSso)
    .where(sql`${domain} = any(${organisationSso.domains})`)
    .limit(2);
  return rows.length === 1 ? (rows[0]?.organisationId ?? null) : null;
}

/** Remembers a sign-in sent to the provider; also clears pending sign-ins long expired. */
export async function insertPendingLogin(executor: Executor, row: typeof ssoPendingLogins.$inferInsert) {
  await executor.insert(ssoPendingLogins).values(row);
  await executor.delete(ssoPendingLogins).where(lt(ssoPendingLogins.expiresAt, row.createdAt ?? new Date()));
}

/** Takes the pending sign-in for `state` (one use: the row is gone afterwards, whoever asks again). */
export async function takePendingLogin(executor: Executor, state: string): Promise<PendingLogin | null> {
  // Looked up first, so an unknown state writes nothing; the DELETE … RETURNING decides who takes it.
  const [known] = await executor
    .select({ state: ssoPendingLogins.state })
    .from(ssoPendingLogins)
    .where(eq(ssoPendingLogins.state, state));
  if (!known) return null;
  const [row] = await executor.delete(ssoPendingLogins).where(eq(ssoPendingLogins.state, state)).returning();
  return row ?? null;
}

/** The organisation's person with this email (any status), for an SSO sign-in. */
export async function findPersonByEmail(executor: Executor, organisationId: string, email: string) {
  const [row] = await executor
    .select()
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.email, email.toLowerCase())));
  return row ?? null;
}
