import { and, eq, gt, lt } from "drizzle-orm";
import type { Role } from "../../../contracts/common";
import { randomToken, sha256 } from "../../platform/crypto";
import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";
import { people } from "../people";
import { apiTokens, sessions } from "./auth.table";

export const SESSION_COOKIE = "tandem_session";

export async function createSession(
  executor: Executor,
  person: { id: string; organisationId: string },
  days: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await executor.insert(sessions).values({
    tokenHash: sha256(token),
    organisationId: person.organisationId,
    personId: person.id,
    csrfToken: randomToken(),
    expiresAt,
  });
  await executor.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return { token, expiresAt };
}

export async function resolveSession(executor: Executor, token: string) {
  const [row] = await executor
    .select({
      personId: people.id,
      organisationId: people.organisationId,
      role: people.role,
      csrfToken: sessions.csrfToken,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, new Date())));
  if (!row) return null;
  const actor: Actor = {
    personId: row.personId,
    organisationId: row.organisationId,
    role: row.role as Role,
    via: "session",
  };
  return { actor, csrfToken: row.csrfToken };
}

export async function deleteSession(executor: Executor, token: string): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function resolveApiToken(executor: Executor, token: string): Promise<Actor | null> {
  const [row] = await executor
    .select({
      id: apiTokens.id,
      personId: people.id,
      organisationId: people.organisationId,
      role: people.role,
    })
    .from(apiTokens)
    .innerJoin(people, eq(people.id, apiTokens.personId))
    .where(eq(apiTokens.tokenHash, sha256(token)));
  if (!row) return null;
  await executor.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  return { personId: row.personId, organisationId: row.organisationId, role: row.role as Role, via: "token" };
}
