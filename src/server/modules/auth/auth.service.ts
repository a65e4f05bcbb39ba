import { and, desc, eq } from "drizzle-orm";
import type { Deps } from "../../deps";
import { DUMMY_HASH_PROMISE, randomToken, sha256, verifyPassword } from "../../platform/crypto";
import { AppError, notFound } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { recordAudit } from "../audit";
import { getOrganisation } from "../organisations";
import { findSignInCandidates, type PersonRow } from "../people";
import { organisationSso } from "../sso/sso.table";
import { apiTokens } from "./auth.table";
import { createSession } from "./sessions";
import { beginAttempt, forgiveAttempt, type ThrottleKey } from "./throttle";

const BAD_CREDENTIALS =
  "That email and password do not match; check both, or ask an admin to reset your access";

/** Email + password sign-in, throttled per account and per client address. */
export async function login(deps: Deps, input: { email: string; password: string; ip: string }) {
  const email = input.email.trim().toLowerCase();
  const emailKey: ThrottleKey = `email:${email}`;
  const attempt = await beginAttempt(deps.db, [emailKey, `ip:${input.ip}`]);
  const candidates = await findSignInCandidates(deps.db, email);
  const person = await matchPassword(candidates, input.password);
  if (!person) {
    await recordFailedSignIn(deps, candidates, input.ip);
    throw new AppError("invalid_credentials", BAD_CREDENTIALS);
  }
  if (await ssoRequiredFor(deps, person)) throw new AppError("forbidden", SSO_REQUIRED);
  return deps.db.transaction(async (tx) => {
    await forgiveAttempt(tx, attempt, emailKey);
    const session = await createSession(tx, person, deps.config.sessionDays);
    await recordAudit(tx, {
      organisationId: person.organisationId,
      actorId: person.id,
      action: "auth.login",
      ip: input.ip,
    });
    return { person, organisation: await getOrganisation(tx, person.organisationId), session };
  });
}

const SSO_REQUIRED = "Your organisation signs in with single sign-on: use the Sign in with SSO button";

/** "SSO required" turns passwords off for everyone of the organisation but its owners (break-glass). */
async function ssoRequiredFor(deps: Deps, person: PersonRow): Promise<boolean> {
  if (person.role === "owner") return false;
  const [row] = await deps.db
    .select({ required: organisationSso.required })
    .from(organisationSso)
    .where(
      and(eq(organisationSso.organisationId, person.organisationId), eq(organisationSso.required, true)),
    );
  return row !== undefined;
}

/**
 * Audited in every organisation where the email belongs to an active member with a password —
 * the candidates — and nowhere it was merely invited.
 */
async function recordFailedSignIn(deps: Deps, candidates: PersonRow[], ip: string) {
  if (candidates.length === 0) return;
  await deps.db.transaction(async (tx) => {
    for (const candidate of candidates) {
      await recordAudit(tx, {
        organisationId: candidate.organisationId,
        actorId: candidate.id,
        action: "auth.login_failed",
        ip,
      });
    }
  });
}

async function matchPassword(candidates: PersonRow[], password: string): Promise<PersonRow | null> {
  if (candidates.length === 0) {
    await verifyPassword(await DUMMY_HASH_PROMISE, password); // same cost as a real account
    return null;
  }
  for (const candidate of candidates) {
    if (candidate.passwordHash && (await verifyPassword(candidate.passwordHash, password))) return candidate;
  }
  return null;
}

export async function createApiToken(deps: Deps, actor: Actor, name: string, ip?: string) {
  const token = randomToken("tdm_");
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        organisationId: actor.organisationId,
        personId: actor.personId,
        name,
        tokenHash: sha256(token),
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.personId,
      action: "token.created",
      targetType: "api_token",
      targetId: row.id,
      data: { name },
      ip,
    });
    return { id: row.id, name: row.name, token, createdAt: row.createdAt.toISOString() };
  });
}

export async function listApiTokens(deps: Deps, actor: Actor) {
  const rows = await deps.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.organisationId, actor.organisationId), eq(apiTokens.personId, actor.personId)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  }));
}

export async function deleteApiToken(deps: Deps, actor: Actor, id: string, ip?: string) {
  await deps.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(apiTokens)
      .where(
        and(
          eq(apiTokens.id, id),
          eq(apiTokens.organisationId, actor.organisationId),
          eq(apiTokens.personId, actor.personId),
        ),
      )
      .returning({ id: apiTokens.id });
    if (deleted.length === 0) throw notFound("API token");
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.personId,
      action: "token.deleted",
      targetType: "api_token",
      targetId: id,
      ip,
    });
  });
}
