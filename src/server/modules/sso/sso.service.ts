import type { SsoBody, SsoView } from "../../../contracts/sso";
import type { Deps } from "../../deps";
import { AppError, conflict, invalid } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { recordAudit } from "../audit";
import { discover, ProviderError, type ProviderSettings } from "./oidc-client";
import { openSecret, sealSecret } from "./secret-box";
import { findSso, type SsoRow, upsertSso } from "./sso.repo";

export const NO_SECRET_KEY =
  "Tandem cannot keep a client secret until TANDEM_SECRET_KEY is set: set it to 32 random bytes (openssl rand -base64 32) and restart Tandem";

/** Where the provider sends people back: register this address with the provider. */
export const redirectUriOf = (deps: Pick<Deps, "config">) =>
  `${deps.config.publicUrl}/api/v1/auth/sso/callback`;

export function presentSso(deps: Pick<Deps, "config">, row: SsoRow): SsoView {
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    hasSecret: row.clientSecretEncrypted !== null,
    domains: row.domains,
    required: row.required,
    justInTime: row.justInTime,
    redirectUri: redirectUriOf(deps),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getSso(deps: Deps, actor: Actor): Promise<SsoView | null> {
  authorize(actor, "sso.read");
  const row = await findSso(deps.db, actor.organisationId);
  return row ? presentSso(deps, row) : null;
}

/** Admins: checks the issuer by discovery first, then saves; the secret is sealed, never stored as given. */
export async function saveSso(deps: Deps, actor: Actor, body: SsoBody, ip?: string): Promise<SsoView> {
  authorize(actor, "sso.configure");
  const key = deps.config.secretKey;
  if (body.clientSecret !== undefined && !key) throw conflict(NO_SECRET_KEY, { field: "clientSecret" });
  const existing = await findSso(deps.db, actor.organisationId);
  const issuer = body.issuer; // as given: discovery compares it with the provider's own issuer exactly
  try {
    await discover({ issuer, clientId: body.clientId, clientSecret: undefined }, policyOf(deps));
  } catch (err) {
    if (err instanceof ProviderError) throw invalid("issuer", err.message);
    throw err;
  }
  const sealed =
    body.clientSecret !== undefined && key
      ? sealSecret(key, body.clientSecret, actor.organisationId)
      : (existing?.clientSecretEncrypted ?? null);
  const domains = [...new Set(body.domains)];
  return deps.db.transaction(async (tx) => {
    const row = await upsertSso(tx, {
      organisationId: actor.organisationId,
      issuer,
      clientId: body.clientId,
      clientSecretEncrypted: sealed,
      domains,
      required: body.required,
      justInTime: body.justInTime,
      updatedAt: deps.clock.now(),
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.personId,
      action: "sso.configured",
      targetType: "organisation",
      targetId: actor.organisationId,
      data: {
        issuer,
        clientId: body.clientId,
        domains,
        required: body.required,
        justInTime: body.justInTime,
        secretReplaced: body.clientSecret !== undefined,
      },
      ip,
    });
    return presentSso(deps, row);
  });
}

export const policyOf = (deps: Pick<Deps, "config">) => ({ allowPrivate: deps.config.allowPrivateUrls });

/** The settings to talk to the provider with; the secret unsealed (a changed key: 503 with a sentence). */
export function providerSettings(deps: Pick<Deps, "config">, row: SsoRow): ProviderSettings {
  if (row.clientSecretEncrypted === null)
    return { issuer: row.issuer, clientId: row.clientId, clientSecret: undefined };
  const key = deps.config.secretKey;
  const secret = key ? openSecret(key, row.clientSecretEncrypted, row.organisationId) : undefined;
  if (secret === undefined)
    throw new AppError(
      "service_unavailable",
      "The saved SSO client secret cannot be read with this TANDEM_SECRET_KEY; set the key it was saved with, or enter the secret again",
    );
  return { issuer: row.issuer, clientId: row.clientId, clientSecret: secret };
}
