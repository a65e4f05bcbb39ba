import { randomInt, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, PASSWORD, type TestOrg } from "../../../../test/support/factories";
import { call, closeEnv, sessionCookieOf, type TestEnv, testEnv } from "../../../../test/support/harness";

let env: TestEnv;
let org: TestOrg;

beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

/** Each test signs in from addresses of its own, so per-address counts never leak between tests. */
const newAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const unknownEmail = () => `nobody-${randomUUID()}@example.test`;
/** Outside every private range, so no list of trusted proxies can contain it. */
const publicAddress = () => `198.51.${randomInt(256)}.${randomInt(1, 255)}`;

/** An app with its own configuration, closed after `work`. */
async function withEnv(config: Record<string, string>, work: (target: TestEnv) => Promise<void>) {
  const target = await testEnv(config);
  try {
    await work(target);
  } finally {
    await closeEnv(target);
  }
}

interface Attempt {
  email: string;
  password: string;
  from: string;
  forwardedFor?: string;
}

function login(target: TestEnv, { email, password, from, forwardedFor }: Attempt) {
  return target.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    remoteAddress: from,
    headers: {
      "content-type": "application/json",
      ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
    },
    payload: JSON.stringify({ email, password }),
  });
}

async function failTimes(target: TestEnv, n: number, attempt: (i: number) => Attempt) {
  for (let i = 0; i < n; i++) {
    const res = await login(target, attempt(i));
    expect(res.statusCode, `failed attempt ${i + 1}`).toBe(401);
  }
}

async function auditActions(target: TestEnv, o: TestOrg) {
  const res = await call(target, "GET", "/api/v1/audit", { as: o.owner.caller });
  expect(res.statusCode).toBe(200);
  return res.json().entries as { action: string; actorId: string | null; ip: string | null }[];
}

describe("POST /api/v1/auth/login", () => {
  it("signs in with { person, organisation } and an HttpOnly SameSite=Lax session cookie", async () => {
    const res = await login(env, { email: org.owner.person.email, password: PASSWORD, from: newAddress() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      person: { id: org.owner.person.id, email: org.owner.person.email, role: "owner" },
      organisation: { id: org.organisation.id, name: org.organisation.name },
    });
    expect(res.json().person.passwordHash).toBeUndefined();
    const cookie = res.cookies.find((c) => c.name === "tandem_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const me = await call(env, "GET", "/api/v1/me", {
      headers: { cookie: `tandem_session=${sessionCookieOf(res)}` },
    });
    expect(me.json().person.id).toBe(org.owner.person.id);
  });

  it("compares emails case-insensitively", async () => {
    const shouted = org.owner.person.email.toUpperCase();
    const res = await login(env, { email: ` ${shouted} `, password: PASSWORD, from: newAddress() });
    expect(res.statusCode).toBe(200);
    expect(res.json().person.id).toBe(org.owner.person.id);
  });

  it("answers 401 with the same message for an unknown email and a wrong password", async () => {
    const from = newAddress();
    const unknown = await login(env, { email: unknownEmail(), password: PASSWORD, from });
    const wrong = await login(env, { email: org.owner.person.email, password: "not the password", from });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe("invalid_credentials");
    expect(wrong.json().error.code).toBe("invalid_credentials");
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(unknown.cookies).toEqual([]);
  });

  it("refuses an email after 5 failures with 429 + Retry-After, even with the right password", async () => {
    const own = await makeOrg(env);
    const email = own.owner.person.email;
    await failTimes(env, 5, () => ({ email, password: "not the password", from: newAddress() }));
    const res = await login(env, { email, password: PASSWORD, from: newAddress() });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe("too_many_requests");
    const retryAfter = Number(res.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Other accounts, from the same address, are not affected.
    const other = await login(env, { email: org.owner.person.email, password: PASSWORD, from: newAddress() });
    expect(other.statusCode).toBe(200);
  });

  it("throttles an unknown email exactly like a known one", async () => {
    const email = unknownEmail();
    await failTimes(env, 5, () => ({ email, password: "guess", from: newAddress() }));
    const res = await login(env, { email, password: "guess", from: newAddress() });
    expect(res.statusCode).toBe(429);
    expect(res.headers["retry-after"]).toMatch(/^\d+$/);
  });

  it("refuses a client address after 50 failures, whichever email it tries next", async () => {
    const from = newAddress();
    await failTimes(env, 50, () => ({ email: unknownEmail(), password: "guess", from }));
    const blocked = await login(env, { email: org.owner.person.email, password: PASSWORD, from });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers["retry-after"]).toMatch(/^\d+$/);
    // X-Forwarded-For is not believed without TANDEM_TRUST_PROXY: it cannot dodge the limit.
    const spoofed = await login(env, {
      email: org.owner.person.email,
      password: PASSWORD,
      from,
      forwardedFor: newAddress(),
    });
    expect(spoofed.statusCode).toBe(429);
    const elsewhere = await login(env, {
      email: org.owner.person.email,
      password: PASSWORD,
      from: newAddress(),
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it("counts the X-Forwarded-For address when TANDEM_TRUST_PROXY=true", async () => {
    await withEnv({ TANDEM_TRUST_PROXY: "true" }, async (proxied) => {
      const client = newAddress();
      // Fifty failures through different proxies, all for the same forwarded client.
      await failTimes(proxied, 50, () => ({
        email: unknownEmail(),
        password: "guess",
        from: newAddress(),
        forwardedFor: client,
      }));
      const blocked = await login(proxied, {
        email: unknownEmail(),
        password: "guess",
        from: newAddress(),
        forwardedFor: client,
      });
      expect(blocked.statusCode).toBe(429);
      const other = await login(proxied, {
        email: unknownEmail(),
        password: "guess",
        from: newAddress(),
        forwardedFor: newAddress(),
      });
      expect(other.statusCode).toBe(401);
    });
  });

  // The proxy appends the address it saw; what the client wrote itself comes before it.
  it.each([
    { setting: "true", from: "127.0.0.1", hops: [] as string[] },
    { setting: "loopback,10.0.0.0/8", from: "127.0.0.1", hops: ["10.1.2.3"] },
  ])(
    "with TANDEM_TRUST_PROXY=$setting a forged X-Forwarded-For cannot dodge the address limit",
    async ({ setting, from, hops }) => {
      await withEnv({ TANDEM_TRUST_PROXY: setting }, async (proxied) => {
        const client = publicAddress();
        const via = (forged: string) => [forged, client, ...hops].join(", ");
        await failTimes(proxied, 50, () => ({
          email: unknownEmail(),
          password: "guess",
          from,
          forwardedFor: via(publicAddress()),
        }));
        const blocked = await login(proxied, {
          email: unknownEmail(),
          password: "guess",
          from,
          forwardedFor: via(publicAddress()),
        });
        expect(blocked.statusCode).toBe(429);
        expect(blocked.headers["retry-after"]).toMatch(/^\d+$/);
      });
    },
  );

  it("checks the password of 100 concurrent wrong attempts for one account at most 5 times", async () => {
    const own = await makeOrg(env);
    const email = own.owner.person.email;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        login(env, { email, password: "not the password", from: newAddress() }),
      ),
    );
    const codes = answers.map((res) => res.statusCode);
    expect(codes.filter((code) => code === 401)).toHaveLength(5);
    expect(codes.filter((code) => code === 429)).toHaveLength(95);
    for (const res of answers.filter((r) => r.statusCode === 429)) {
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    }
    const failures = (await auditActions(env, own)).filter((e) => e.action === "auth.login_failed");
    expect(failures).toHaveLength(5);
  });

  it("lets no more than 50 of 60 concurrent attempts from one address through", async () => {
    const from = newAddress();
    const answers = await Promise.all(
      Array.from({ length: 60 }, () => login(env, { email: unknownEmail(), password: "guess", from })),
    );
    const codes = answers.map((res) => res.statusCode);
    expect(codes.filter((code) => code === 401)).toHaveLength(50);
    expect(codes.filter((code) => code === 429)).toHaveLength(10);
  });

  it("records a failed sign-in in every organisation where the email is an active member, none where it is only invited", async () => {
    const [first, second, inviting, former] = [
      await makeOrg(env),
      await makeOrg(env),
      await makeOrg(env),
      await makeOrg(env),
    ];
    const email = `shared-${randomUUID()}@example.test`;
    const passwordHash = first.owner.person.passwordHash;
    const inFirst = await first.add("member", { email, passwordHash });
    const inSecond = await second.add("member", { email, passwordHash });
    await inviting.add("member", { email, active: false });
    await former.add("member", { email, passwordHash, active: false });
    const res = await login(env, { email, password: "not the password", from: newAddress() });
    expect(res.statusCode).toBe(401);
    const failedIn = async (o: TestOrg) =>
      (await auditActions(env, o)).filter((e) => e.action === "auth.login_failed");
    expect(await failedIn(first)).toMatchObject([{ actorId: inFirst.person.id }]);
    expect(await failedIn(second)).toMatchObject([{ actorId: inSecond.person.id }]);
    expect(await failedIn(inviting)).toEqual([]);
    expect(await failedIn(former)).toEqual([]);
  });

  it("writes audit rows for sign-in and failed sign-in, with the client address", async () => {
    const own = await makeOrg(env);
    const email = own.owner.person.email;
    const from = newAddress();
    const spoofed = newAddress();
    await login(env, { email, password: "not the password", from, forwardedFor: spoofed });
    await login(env, { email, password: PASSWORD, from, forwardedFor: spoofed });
    const entries = await auditActions(env, own);
    const failed = entries.find((e) => e.action === "auth.login_failed");
    const succeeded = entries.find((e) => e.action === "auth.login");
    expect(failed).toMatchObject({ actorId: own.owner.person.id, ip: from });
    expect(succeeded).toMatchObject({ actorId: own.owner.person.id, ip: from });
  });
});
