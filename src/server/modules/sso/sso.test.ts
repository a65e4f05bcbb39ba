import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrg, PASSWORD, type TestOrg } from "../../../../test/support/factories";
import { call, sessionCookieOf, type TestEnv, testEnv } from "../../../../test/support/harness";
import { signInAtProvider, startProvider, type TestProvider } from "../../../../test/support/oidc-provider";
import { hashPassword } from "../../platform/crypto";
import { organisationSso, ssoPendingLogins } from "./sso.table";

let env: TestEnv;
let idp: TestProvider;
const DOMAIN = "sso.example.test";

beforeAll(async () => {
  env = await testEnv({
    TANDEM_ALLOW_PRIVATE_URLS: "true",
    TANDEM_SECRET_KEY: randomBytes(32).toString("base64"),
  });
  idp = await startProvider(`${env.deps.config.publicUrl}/api/v1/auth/sso/callback`);
});
afterAll(() => idp?.close());

const settings = (overrides: Record<string, unknown> = {}) => ({
  issuer: idp.issuer,
  clientId: idp.clientId,
  clientSecret: idp.clientSecret,
  domains: [DOMAIN],
  required: false,
  justInTime: false,
  ...overrides,
});

async function orgWithSso(overrides: Record<string, unknown> = {}) {
  const org = await makeOrg(env, "Asia/Tokyo");
  const res = await call(env, "PUT", "/api/v1/organisation/sso", {
    as: org.admin.caller,
    body: settings(overrides),
  });
  expect(res.statusCode, res.body).toBe(200);
  return org;
}

/** A login name at the provider with this email. */
function account(email: string, emailVerified = true) {
  const login = `user-${randomUUID()}`;
  idp.accounts.set(login, { email, emailVerified, name: "Sam Single" });
  return login;
}

async function start(org: TestOrg) {
  const res = await call(env, "GET", `/api/v1/auth/sso/start?organisationId=${org.organisation.id}`);
  expect(res.statusCode).toBe(302);
  const location = String(res.headers.location);
  expect(location.startsWith(`${idp.issuer}/`)).toBe(true);
  return new URL(location);
}

const callback = (url: URL) => call(env, "GET", `${url.pathname}${url.search}`);

async function signInWithSso(org: TestOrg, login: string) {
  return callback(await signInAtProvider((await start(org)).href, login));
}

async function ssoAudit(org: TestOrg) {
  const res = await call(env, "GET", "/api/v1/audit", { as: org.owner.caller });
  return (
    res.json().entries as { action: string; actorId: string | null; data: Record<string, unknown> | null }[]
  ).filter((e) => e.action.startsWith("auth.sso") || e.action === "person.created");
}

function expectRefused(res: { statusCode: number; headers: Record<string, unknown> }, reason: string) {
  expect(res.statusCode).toBe(302);
  expect(res.headers.location).toBe(`/login?sso_error=${reason}`);
  expect(String(res.headers["set-cookie"] ?? "")).not.toContain("tandem_session=");
}

describe("SSO sign-in through a real OpenID Connect provider", () => {
  it("starts the code flow with PKCE S256, state and nonce", async () => {
    const org = await orgWithSso();
    const url = await start(org);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get("state")).toBeTruthy();
    expect(url.searchParams.get("nonce")).toBeTruthy();
    expect(url.searchParams.get("redirect_uri")).toBe("http://tandem.test/api/v1/auth/sso/callback");
  });

  it("signs a member in with a normal session, audited", async () => {
    const org = await orgWithSso();
    const res = await signInWithSso(org, account(org.member.person.email));
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe("/");
    const cookie = res.cookies.find((c) => c.name === "tandem_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const me = await call(env, "GET", "/api/v1/me", {
      headers: { cookie: `tandem_session=${sessionCookieOf(res)}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().person.id).toBe(org.member.person.id);
    const csrf = await call(env, "GET", "/api/v1/auth/csrf", {
      headers: { cookie: `tandem_session=${sessionCookieOf(res)}` },
    });
    expect(csrf.statusCode).toBe(200);
    expect((await ssoAudit(org)).map((e) => [e.action, e.actorId])).toEqual([
      ["auth.sso_login", org.member.person.id],
    ]);
  });

  it("refuses a wrong state and leaves the real one usable", async () => {
    const org = await orgWithSso();
    const back = await signInAtProvider((await start(org)).href, account(org.member.person.email));
    const forged = new URL(back);
    forged.searchParams.set("state", "not-the-state");
    expectRefused(await callback(forged), "expired");
    const real = await callback(back);
    expect(real.headers.location).toBe("/");
  });

  it("refuses a replayed code: the state is used once", async () => {
    const org = await orgWithSso();
    const back = await signInAtProvider((await start(org)).href, account(org.member.person.email));
    expect((await callback(back)).headers.location).toBe("/");
    expectRefused(await callback(back), "expired");
  });

  it("refuses an ID token whose nonce differs from the one sent, audited", async () => {
    const org = await orgWithSso();
    const url = await start(org);
    const state = url.searchParams.get("state") ?? "";
    await env.deps.db
      .update(ssoPendingLogins)
      .set({ nonce: "another-nonce" })
      .where(eq(ssoPendingLogins.state, state));
    const back = await signInAtProvider(url.href, account(org.member.person.email));
    expectRefused(await callback(back), "provider_refused");
    const [failure] = await ssoAudit(org);
    expect(failure).toMatchObject({
      action: "auth.sso_failed",
      data: { reason: "provider_refused", detail: "nonce_mismatch" },
    });
  });

  it("refuses a state that has expired (the clock moved 11 minutes)", async () => {
    const org = await orgWithSso();
    const back = await signInAtProvider((await start(org)).href, account(org.member.person.email));
    const clock = env.deps.clock;
    env.deps.clock = { now: () => new Date(Date.now() + 11 * 60_000) };
    try {
      expectRefused(await callback(back), "expired");
    } finally {
      env.deps.clock = clock;
    }
    expect((await ssoAudit(org))[0]).toMatchObject({
      action: "auth.sso_failed",
      data: { reason: "expired" },
    });
  });

  it("refuses an email the provider has not verified", async () => {
    const org = await orgWithSso({ justInTime: true });
    expectRefused(await signInWithSso(org, account(org.member.person.email, false)), "unverified_email");
    expect((await ssoAudit(org))[0]).toMatchObject({
      action: "auth.sso_failed",
      data: { reason: "unverified_email" },
    });
  });

  it("refuses an unknown email outside the domains, even with just-in-time accounts", async () => {
    const org = await orgWithSso({ justInTime: true });
    expectRefused(await signInWithSso(org, account(`stranger-${randomUUID()}@elsewhere.test`)), "no_account");
    expect((await ssoAudit(org))[0]).toMatchObject({
      action: "auth.sso_failed",
      data: { reason: "no_account" },
    });
  });

  it("refuses an unknown email of the domain when just-in-time accounts are off", async () => {
    const org = await orgWithSso({ justInTime: false });
    expectRefused(await signInWithSso(org, account(`new-${randomUUID()}@${DOMAIN}`)), "no_account");
  });

  it("creates a member in the organisation's zone just in time, and signs them in", async () => {
    const org = await orgWithSso({ justInTime: true });
    const email = `new-${randomUUID()}@${DOMAIN}`;
    const res = await signInWithSso(org, account(email.toUpperCase()));
    expect(res.headers.location).toBe("/");
    const me = await call(env, "GET", "/api/v1/me", {
      headers: { cookie: `tandem_session=${sessionCookieOf(res)}` },
    });
    expect(me.json().person).toMatchObject({
      email,
      role: "member",
      timeZone: "Asia/Tokyo",
      name: "Sam Single",
    });
    expect(me.json().organisation.id).toBe(org.organisation.id);
    expect((await ssoAudit(org)).map((e) => e.action)).toEqual(["auth.sso_login", "person.created"]);
  });

  it("refuses an invited (not yet active) person", async () => {
    const org = await orgWithSso({ justInTime: true });
    const invited = await org.add("member", { active: false, email: `invited-${randomUUID()}@${DOMAIN}` });
    expectRefused(await signInWithSso(org, account(invited.person.email)), "no_account");
  });

  it("sends an organisation without SSO back to sign-in", async () => {
    const org = await makeOrg(env);
    const res = await call(env, "GET", `/api/v1/auth/sso/start?organisationId=${org.organisation.id}`);
    expectRefused(res, "not_configured");
  });
});

describe("SSO settings", () => {
  it("never answers the secret, and keeps it encrypted", async () => {
    const org = await makeOrg(env);
    const put = await call(env, "PUT", "/api/v1/organisation/sso", {
      as: org.admin.caller,
      body: settings(),
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().sso).toMatchObject({ issuer: idp.issuer, hasSecret: true, domains: [DOMAIN] });
    const get = await call(env, "GET", "/api/v1/organisation/sso", { as: org.owner.caller });
    for (const res of [put, get]) expect(res.body).not.toContain(idp.clientSecret);
    expect(get.json().sso.redirectUri).toBe("http://tandem.test/api/v1/auth/sso/callback");
    const [row] = await env.deps.db
      .select()
      .from(organisationSso)
      .where(eq(organisationSso.organisationId, org.organisation.id));
    expect(row?.clientSecretEncrypted).toMatch(/^v1\./);
    expect(row?.clientSecretEncrypted).not.toContain(idp.clientSecret);
    expect(row?.clientSecretEncrypted).not.toContain(Buffer.from(idp.clientSecret).toString("base64url"));
    const audit = await call(env, "GET", "/api/v1/audit", { as: org.owner.caller });
    expect(audit.body).not.toContain(idp.clientSecret);
    expect(audit.json().entries[0]).toMatchObject({
      action: "sso.configured",
      data: { secretReplaced: true },
    });
  });

  it("keeps the saved secret when none is sent (and sign-in still works)", async () => {
    const org = await orgWithSso();
    const { clientSecret: _, ...withoutSecret } = settings();
    const res = await call(env, "PUT", "/api/v1/organisation/sso", {
      as: org.admin.caller,
      body: withoutSecret,
    });
    expect(res.json().sso.hasSecret).toBe(true);
    expect((await signInWithSso(org, account(org.member.person.email))).headers.location).toBe("/");
  });

  it("answers 400 with a sentence for an issuer that is not a provider", async () => {
    const org = await makeOrg(env);
    const res = await call(env, "PUT", "/api/v1/organisation/sso", {
      as: org.admin.caller,
      body: settings({ issuer: `${idp.issuer}/nowhere` }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].path).toBe("issuer");
    expect(res.json().error.message).toMatch(/could not read the OpenID Connect configuration/);
  });

  it("refuses plain http for a provider that is not on this machine", async () => {
    const shared = await testEnv();
    const org = await makeOrg(shared);
    const res = await call(shared, "PUT", "/api/v1/organisation/sso", {
      as: org.admin.caller,
      body: { ...settings({ issuer: "http://idp.example.test" }), clientSecret: undefined },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("must use https://");
  });

  it("says to set TANDEM_SECRET_KEY when saving a secret without one", async () => {
    const shared = await testEnv();
    const org = await makeOrg(shared);
    const res = await call(shared, "PUT", "/api/v1/organisation/sso", {
      as: org.admin.caller,
      body: settings(),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("TANDEM_SECRET_KEY");
  });

  it("tells the sign-in page which organisation signs in an email's domain with SSO", async () => {
    const domain = `lookup-${randomUUID().slice(0, 8)}.test`;
    const org = await orgWithSso({ domains: [domain] });
    const found = await call(
      env,
      "GET",
      `/api/v1/auth/sso/lookup?email=${encodeURIComponent(`a@${domain}`)}`,
    );
    expect(found.json()).toEqual({ organisationId: org.organisation.id });
    const none = await call(env, "GET", "/api/v1/auth/sso/lookup?email=a%40nowhere.test");
    expect(none.json()).toEqual({ organisationId: null });
  });
});

describe("SSO required", () => {
  async function withPassword(org: TestOrg) {
    return org.add("member", { passwordHash: await hashPassword(PASSWORD) });
  }
  const login = (email: string) =>
    call(env, "POST", "/api/v1/auth/login", { body: { email, password: PASSWORD } });

  it("refuses password sign-in for a member, with a sentence, but not for the owner", async () => {
    const org = await orgWithSso({ required: true });
    const member = await withPassword(org);
    const refused = await login(member.person.email);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe(
      "Your organisation signs in with single sign-on: use the Sign in with SSO button",
    );
    expect(sessionCookieOf(refused)).toBeUndefined();
    const owner = await login(org.owner.person.email);
    expect(owner.statusCode).toBe(200);
  });

  it("lets the member use a password again once SSO is no longer required", async () => {
    const org = await orgWithSso({ required: true });
    const member = await withPassword(org);
    expect((await login(member.person.email)).statusCode).toBe(403);
    await call(env, "PUT", "/api/v1/organisation/sso", {
      as: org.admin.caller,
      body: settings({ required: false }),
    });
    expect((await login(member.person.email)).statusCode).toBe(200);
  });
});
