import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, PASSWORD, type TestOrg } from "../../../../test/support/factories";
import { type Caller, call, sessionCookieOf, type TestEnv, testEnv } from "../../../../test/support/harness";

let env: TestEnv;
let org: TestOrg;

beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

/** Signs in over HTTP and returns the cookie alone: the CSRF token must still be fetched. */
async function browserSession(): Promise<string> {
  const res = await call(env, "POST", "/api/v1/auth/login", {
    body: { email: org.owner.person.email, password: PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

const withCookie = (cookie: string, csrf?: string) => ({
  cookie: `tandem_session=${cookie}`,
  ...(csrf === undefined ? {} : { "x-csrf-token": csrf }),
});

function createToken(headers: Record<string, string>) {
  return call(env, "POST", "/api/v1/me/tokens", { body: { name: "csrf check" }, headers });
}

describe("CSRF protection of cookie-authenticated mutations", () => {
  it("refuses a mutation without x-csrf-token, with 403 csrf_failed", async () => {
    const res = await createToken(withCookie(await browserSession()));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("csrf_failed");
    expect(res.json().error.message).toContain("/api/v1/auth/csrf");
  });

  it("refuses a wrong token", async () => {
    const res = await createToken(withCookie(await browserSession(), "not-the-token"));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("csrf_failed");
  });

  it("refuses another session's token", async () => {
    const other = await browserSession();
    const otherToken = (await call(env, "GET", "/api/v1/auth/csrf", { headers: withCookie(other) })).json()
      .token;
    const res = await createToken(withCookie(await browserSession(), otherToken));
    expect(res.statusCode).toBe(403);
  });

  it("accepts the token from GET /api/v1/auth/csrf", async () => {
    const cookie = await browserSession();
    const csrf = await call(env, "GET", "/api/v1/auth/csrf", { headers: withCookie(cookie) });
    expect(csrf.statusCode).toBe(200);
    expect(csrf.json().token).toEqual(expect.any(String));
    const res = await createToken(withCookie(cookie, csrf.json().token));
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe("csrf check");
  });

  it("asks nothing of bearer-token requests", async () => {
    const created = await call(env, "POST", "/api/v1/me/tokens", {
      as: org.admin.caller,
      body: { name: "ci" },
    });
    const bearer: Caller = { kind: "token", token: created.json().token };
    const res = await call(env, "POST", "/api/v1/me/tokens", { as: bearer, body: { name: "from a script" } });
    expect(res.statusCode).toBe(201);
  });

  it("refuses a mutation whose path is percent-encoded (/%61pi/v1/…) without the token", async () => {
    const cookie = await browserSession();
    for (const url of ["/%61pi/v1/me/tokens", "/api/%76%31/me/tokens"]) {
      const res = await call(env, "POST", url, {
        body: { name: "encoded path" },
        headers: withCookie(cookie),
      });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe("csrf_failed");
    }
  });

  it("answers 401 for a CSRF token without a session", async () => {
    const res = await call(env, "GET", "/api/v1/auth/csrf");
    expect(res.statusCode).toBe(401);
  });
});

describe("POST /api/v1/auth/logout", () => {
  it("ends the session: the cookie no longer works and is cleared", async () => {
    const cookie = await browserSession();
    const csrf = (await call(env, "GET", "/api/v1/auth/csrf", { headers: withCookie(cookie) })).json().token;
    const res = await call(env, "POST", "/api/v1/auth/logout", { headers: withCookie(cookie, csrf) });
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === "tandem_session");
    expect(cleared?.value).toBe("");
    const me = await call(env, "GET", "/api/v1/me", { headers: withCookie(cookie) });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe("unauthenticated");
  });

  it("needs the CSRF token too, so another site cannot sign the user out", async () => {
    const cookie = await browserSession();
    const res = await call(env, "POST", "/api/v1/auth/logout", { headers: withCookie(cookie) });
    expect(res.statusCode).toBe(403);
    expect((await call(env, "GET", "/api/v1/me", { headers: withCookie(cookie) })).statusCode).toBe(200);
  });

  it("leaves the person's other sessions signed in", async () => {
    const stays = await browserSession();
    const leaves = await browserSession();
    const csrf = (await call(env, "GET", "/api/v1/auth/csrf", { headers: withCookie(leaves) })).json().token;
    await call(env, "POST", "/api/v1/auth/logout", { headers: withCookie(leaves, csrf) });
    expect((await call(env, "GET", "/api/v1/me", { headers: withCookie(stays) })).statusCode).toBe(200);
  });
});
