import type { SsoError } from "../../../contracts/sso";
import type { Deps } from "../../deps";
import { AppError } from "../../platform/errors";
import { recordAudit } from "../audit";
import { createSession } from "../auth";
import { getOrganisation } from "../organisations";
import { DEFAULT_WEEK, insertPerson, type PersonRow } from "../people";
import {
  authorizationUrl,
  discover,
  exchangeCode,
  failureReason,
  type Identity,
  ProviderError,
} from "./oidc-client";
import {
  findPersonByEmail,
  findSso,
  insertPendingLogin,
  type PendingLogin,
  type SsoRow,
  takePendingLogin,
} from "./sso.repo";
import { policyOf, providerSettings, redirectUriOf } from "./sso.service";

/** How long a person has at the provider before the sign-in must start again. */
const PENDING_MINUTES = 10;

/** A refused SSO sign-in: `reason` goes to `/login?sso_error=`, `detail` to the audit log only. */
export class SsoRefusal extends Error {
  constructor(
    readonly reason: SsoError,
    readonly detail: string,
    readonly audit?: { organisationId: string; actorId?: string },
  ) {
    super(`${reason}: ${detail}`);
  }
}

async function providerConfig(deps: Deps, row: SsoRow, audit?: { organisationId: string }) {
  try {
    return await discover(providerSettings(deps, row), policyOf(deps));
  } catch (err) {
    if (err instanceof ProviderError || err instanceof AppError)
      throw new SsoRefusal("provider_unavailable", err.message.slice(0, 300), audit);
    throw err;
  }
}

/** `GET /auth/sso/start`: remembers state, nonce and PKCE verifier, and answers the provider's address. */
export async function startSso(deps: Deps, organisationId: string): Promise<string> {
  const row = await findSso(deps.db, organisationId);
  if (!row) throw new SsoRefusal("not_configured", "no SSO settings");
  const config = await providerConfig(deps, row);
  const login = await authorizationUrl(config, redirectUriOf(deps));
  const now = deps.clock.now();
  await insertPendingLogin(deps.db, {
    state: login.state,
    organisationId,
    nonce: login.nonce,
    codeVerifier: login.codeVerifier,
    createdAt: now,
    expiresAt: new Date(now.getTime() + PENDING_MINUTES * 60_000),
  });
  return login.url;
}

export interface CallbackInput {
  state: string | undefined;
  error: string | undefined;
  /** The callback's query string as received ("?code=…&state=…"), for the code exchange. */
  search: string;
  ip: string;
}

/**
 * `GET /auth/sso/callback`: takes the pending sign-in (once), exchanges the code, checks the ID token
 * and the verified email, finds (or, just in time, creates) the person and opens a normal session.
 */
export async function completeSso(deps: Deps, input: CallbackInput) {
  const pending = input.state ? await takePendingLogin(deps.db, input.state) : null;
  if (!pending) throw new SsoRefusal("expired", "unknown or already used state");
  const audit = { organisationId: pending.organisationId };
  if (pending.expiresAt <= deps.clock.now()) throw new SsoRefusal("expired", "state expired", audit);
  const row = await findSso(deps.db, pending.organisationId);
  if (!row) throw new SsoRefusal("not_configured", "SSO settings removed", audit);
  if (input.error) throw new SsoRefusal("provider_refused", `provider: ${input.error.slice(0, 100)}`, audit);
  const identity = await identify(deps, row, pending, input.search);
  if (!identity.email) throw new SsoRefusal("unverified_email", "no email claim", audit);
  if (!identity.emailVerified)
    throw new SsoRefusal("unverified_email", `email_verified is not true for ${identity.email}`, audit);
  const person = await personFor(deps, row, identity, input.ip);
  return deps.db.transaction(async (tx) => {
    const session = await createSession(tx, person, deps.config.sessionDays);
    await recordAudit(tx, {
      organisationId: person.organisationId,
      actorId: person.id,
      action: "auth.sso_login",
      data: { issuer: row.issuer, subject: identity.subject },
      ip: input.ip,
    });
    return { person, session };
  });
}

async function identify(deps: Deps, row: SsoRow, pending: PendingLogin, search: string): Promise<Identity> {
  const audit = { organisationId: pending.organisationId };
  const config = await providerConfig(deps, row, audit);
  try {
    return await exchangeCode(config, new URL(`${redirectUriOf(deps)}${search}`), {
      state: pending.state,
      nonce: pending.nonce,
      codeVerifier: pending.codeVerifier,
    });
  } catch (err) {
    throw new SsoRefusal("provider_refused", failureReason(err), audit);
  }
}

async function personFor(deps: Deps, row: SsoRow, identity: Identity, ip: string): Promise<PersonRow> {
  const email = identity.email ?? "";
  const audit = { organisationId: row.organisationId };
  const found = await findPersonByEmail(deps.db, row.organisationId, email);
  if (found?.active) return found;
  if (found) throw new SsoRefusal("no_account", `${email} is not active`, { ...audit, actorId: found.id });
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (!row.justInTime)
    throw new SsoRefusal("no_account", `${email} unknown; just-in-time accounts are off`, audit);
  if (!row.domains.includes(domain))
    throw new SsoRefusal(
      "no_account",
      `${email} unknown; ${domain} is not one of the organisation's domains`,
      audit,
    );
  return deps.db.transaction(async (tx) => {
    const organisation = await getOrganisation(tx, row.organisationId);
    const person = await insertPerson(tx, {
      organisationId: row.organisationId,
      name: identity.name ?? email.slice(0, email.indexOf("@")),
      email,
      role: "member",
      timeZone: organisation.timeZone,
      workingPattern: DEFAULT_WEEK,
      active: true,
    });
    await recordAudit(tx, {
      organisationId: row.organisationId,
      actorId: person.id,
      action: "person.created",
      targetType: "person",
      targetId: person.id,
      data: { email, role: person.role, via: "sso" },
      ip,
    });
    return person;
  });
}

/** An audit row for a refused sign-in, where the organisation is known (an unknown `state` names none). */
export async function recordRefusal(deps: Deps, refusal: SsoRefusal, ip: string): Promise<void> {
  if (!refusal.audit) return;
  await recordAudit(deps.db, {
    organisationId: refusal.audit.organisationId,
    actorId: refusal.audit.actorId ?? null,
    action: "auth.sso_failed",
    data: { reason: refusal.reason, detail: refusal.detail },
    ip,
  });
}
