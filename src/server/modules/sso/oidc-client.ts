import { isIP } from "node:net";
import * as oidc from "openid-client";
import { assertPublicUrl, OutboundError } from "../../platform/outbound";

/** How long one request to an identity provider may take (discovery, token exchange, keys). */
const TIMEOUT_SECONDS = 10;

export interface ProviderSettings {
  issuer: string;
  clientId: string;
  /** Undefined: a public client (PKCE only, no secret). */
  clientSecret: string | undefined;
}

export interface OutboundPolicy {
  /** TANDEM_ALLOW_PRIVATE_URLS: an instance setting, never an organisation's. */
  allowPrivate: boolean;
}

/** Why a provider cannot be used, as a sentence an admin can act on. */
export class ProviderError extends Error {}

const isLoopback = (hostname: string) => {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  return host === "::1";
};

/**
 * `fetch` for openid-client through the SSRF guard: each address (discovery, keys, token endpoint)
 * is checked by `assertPublicUrl` before it is fetched, redirects are not followed, and openid-client's
 * own timeout bounds the time.
 */
function guardedFetch(policy: OutboundPolicy): oidc.CustomFetch {
  return async (url, options) => {
    await assertPublicUrl(url, policy.allowPrivate);
    return fetch(url, { ...options, redirect: "manual" } as RequestInit);
  };
}

/** The provider's metadata (OpenID Connect discovery) and our client's settings. */
export async function discover(
  settings: ProviderSettings,
  policy: OutboundPolicy,
): Promise<oidc.Configuration> {
  let issuer: URL;
  try {
    issuer = new URL(settings.issuer);
  } catch {
    throw new ProviderError(
      "The issuer is not an address; use the provider's issuer URL, such as https://login.example.org",
    );
  }
  const insecure = issuer.protocol === "http:";
  if (insecure && !isLoopback(issuer.hostname) && !policy.allowPrivate) {
    throw new ProviderError(
      `The issuer must use https:// (http:// is accepted only for a provider on this machine)`,
    );
  }
  const auth = settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None();
  try {
    return await oidc.discovery(issuer, settings.clientId, settings.clientSecret, auth, {
      [oidc.customFetch]: guardedFetch(policy),
      timeout: TIMEOUT_SECONDS,
      ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
  } catch (err) {
    throw new ProviderError(describeDiscoveryFailure(issuer, err));
  }
}

function describeDiscoveryFailure(issuer: URL, err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof OutboundError ? err.cause : err;
  if (cause instanceof OutboundError)
    return `Tandem could not use the issuer ${issuer.host}: ${cause.message}`;
  if (err instanceof Error && /timed? ?out|aborted/i.test(`${err.name} ${err.message}`))
    return `The issuer ${issuer.host} did not answer in time`;
  return `Tandem could not read the OpenID Connect configuration of ${issuer.href}; check the issuer address (it is the address before /.well-known/openid-configuration)`;
}

export interface StartedLogin {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The provider's sign-in address: authorization code flow with PKCE (S256), `state` and `nonce`. */
export async function authorizationUrl(
  config: oidc.Configuration,
  redirectUri: string,
): Promise<StartedLogin> {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url: url.href, state, nonce, codeVerifier };
}

export interface Identity {
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
}

/**
 * Exchanges the code (with the PKCE verifier) and checks the ID token: signature, issuer, audience,
 * `state` and `nonce`. Throws when any of them is wrong; `nonce` mismatches say so in `reason`.
 */
export async function exchangeCode(
  config: oidc.Configuration,
  callbackUrl: URL,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<Identity> {
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: expected.codeVerifier,
    expectedState: expected.state,
    expectedNonce: expected.nonce,
    idTokenExpected: true,
  });
  const idToken = tokens.claims();
  if (!idToken) throw new Error("the provider sent no ID token");
  // Many providers keep email out of the ID token when an access token is issued: ask UserInfo then.
  const claims: Record<string, unknown> =
    typeof idToken.email === "string"
      ? idToken
      : await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
  return {
    subject: idToken.sub,
    email: typeof claims.email === "string" ? claims.email.trim().toLowerCase() : undefined,
    emailVerified: claims.email_verified === true,
    name: typeof claims.name === "string" && claims.name.trim() ? claims.name.trim() : undefined,
  };
}

/** A short reason for the audit log (never shown to the person signing in). */
export function failureReason(err: unknown): string {
  if (!(err instanceof Error)) return "unknown";
  for (let cause: unknown = err; cause instanceof Object; cause = (cause as { cause?: unknown }).cause) {
    const claim = (cause as { claim?: unknown }).claim;
    if (typeof claim === "string") return `${claim}_mismatch`;
  }
  const code = (err as { code?: unknown; error?: unknown }).error ?? (err as { code?: unknown }).code;
  return typeof code === "string" ? code.slice(0, 100) : err.name;
}
