import { afterAll, describe, expect, it } from "vitest";
import { call, freshEnv, sessionCookieOf, type TestEnv } from "../../../../test/support/harness";

describe("POST /api/v1/setup/demo", () => {
  let env: TestEnv;
  afterAll(async () => {
    await env?.app.close();
  });

  it("seeds the demo organisation on a fresh instance, signs in as its owner, then closes", async () => {
    env = await freshEnv();
    const res = await call(env, "POST", "/api/v1/setup/demo");
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.organisation.name).toBe("Northwind Remote");
    expect(body.person.role).toBe("owner");
    const cookie = sessionCookieOf(res);
    const people = await call(env, "GET", "/api/v1/people", {
      headers: { cookie: `tandem_session=${cookie}` },
    });
    const list = people.json().people as { timeZone: string }[];
    expect(list.length).toBeGreaterThanOrEqual(12);
    expect(new Set(list.map((p) => p.timeZone)).size).toBeGreaterThanOrEqual(5);
    expect(list.map((p) => p.timeZone)).toContain("Asia/Kolkata");

    const login = await call(env, "POST", "/api/v1/auth/login", {
      body: { email: body.person.email, password: body.password },
    });
    expect(login.statusCode).toBe(200);
    const again = await call(env, "POST", "/api/v1/setup/demo");
    expect(again.statusCode).toBe(409);
  });
});
