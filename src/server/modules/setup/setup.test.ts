import { afterAll, describe, expect, it } from "vitest";
import { call, freshEnv, sessionCookieOf, type TestEnv } from "../../../../test/support/harness";

const body = (email: string) => ({
  organisation: { name: "Acme", timeZone: "Europe/London" },
  owner: { name: "Ana Owner", email, password: "correct horse battery", timeZone: "Asia/Kolkata" },
});

describe("POST /api/v1/setup", () => {
  const envs: TestEnv[] = [];
  afterAll(async () => {
    for (const env of envs) await env.app.close();
  });

  it("creates the first organisation and its owner, signs them in, then closes", async () => {
    const env = await freshEnv();
    envs.push(env);
    expect((await call(env, "GET", "/api/v1/setup")).json()).toEqual({ open: true, needsSetup: true });

    const res = await call(env, "POST", "/api/v1/setup", { body: body("Ana@Example.test") });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.organisation).toMatchObject({ name: "Acme", timeZone: "Europe/London" });
    expect(created.person).toMatchObject({
      email: "ana@example.test",
      role: "owner",
      timeZone: "Asia/Kolkata",
    });
    expect(created.person.passwordHash).toBeUndefined();
    const cookie = res.cookies.find((c) => c.name === "tandem_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");

    const me = await call(env, "GET", "/api/v1/me", {
      headers: { cookie: `tandem_session=${sessionCookieOf(res)}` },
    });
    expect(me.json().person.id).toBe(created.person.id);

    const again = await call(env, "POST", "/api/v1/setup", { body: body("someone@example.test") });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("setup_closed");
    expect((await call(env, "GET", "/api/v1/setup")).json()).toEqual({ open: false, needsSetup: false });
  });

  it("creates further organisations when TANDEM_OPEN_SIGNUP=true", async () => {
    const env = await freshEnv({ TANDEM_OPEN_SIGNUP: "true" });
    envs.push(env);
    expect((await call(env, "POST", "/api/v1/setup", { body: body("a@example.test") })).statusCode).toBe(201);
    const second = await call(env, "POST", "/api/v1/setup", { body: body("b@example.test") });
    expect(second.statusCode).toBe(201);
    // Setup stays open, but the instance no longer opens on the setup page.
    expect((await call(env, "GET", "/api/v1/setup")).json()).toEqual({ open: true, needsSetup: false });
  });

  it("rejects bad input naming the field and stores nothing", async () => {
    const env = await freshEnv();
    envs.push(env);
    const bad = body("x@example.test");
    bad.organisation.timeZone = "Mars/Olympus";
    const res = await call(env, "POST", "/api/v1/setup", { body: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    expect(res.json().error.message).toContain("Organisation: time zone must be");
    expect(res.json().error.details.fields.map((f: { path: string }) => f.path)).toContain(
      "organisation.timeZone",
    );
    expect((await call(env, "GET", "/api/v1/setup")).json()).toEqual({ open: true, needsSetup: true });
  });
});

describe("first-run setup racing itself", () => {
  it("lets exactly one of two simultaneous setups through", async () => {
    const env = await freshEnv();
    const [a, b] = await Promise.all([
      call(env, "POST", "/api/v1/setup", { body: body("first@example.test") }),
      call(env, "POST", "/api/v1/setup", { body: body("second@example.test") }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    await env.app.close();
  });
});
