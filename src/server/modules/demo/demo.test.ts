import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { call, freshEnv, sessionCookieOf, type TestEnv } from "../../../../test/support/harness";
import { hashPassword } from "../../platform/crypto";
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";

describe("POST /api/v1/setup/demo", () => {
  const envs: TestEnv[] = [];
  afterAll(async () => {
    for (const env of envs) await env.app.close();
  });
  const seeded = async () => {
    const env = await freshEnv();
    envs.push(env);
    const res = await call(env, "POST", "/api/v1/setup/demo");
    expect(res.statusCode).toBe(201);
    return { env, res, body: res.json() };
  };
  const demoShown = async (env: TestEnv) => (await call(env, "GET", "/api/v1/setup/demo")).json().demo;

  it("seeds the demo organisation on a fresh instance, signs in as its owner, then closes", async () => {
    const { env, res, body } = await seeded();
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
    // One webhook to show, switched off so the demo never calls out to the internet.
    const hooks = await call(env, "GET", "/api/v1/webhooks", {
      headers: { cookie: `tandem_session=${cookie}` },
    });
    expect(hooks.json().webhooks).toEqual([
      expect.objectContaining({ format: "slack", enabled: false, disabledReason: "Demo: add your own URL" }),
    ]);
    // A few inbox items through notify: the urgent one is there whatever the hour.
    const inbox = await call(env, "GET", "/api/v1/inbox", {
      headers: { cookie: `tandem_session=${cookie}` },
    });
    expect(inbox.json().items).toContainEqual(
      expect.objectContaining({ urgent: true, kind: "notification.test" }),
    );

    const login = await call(env, "POST", "/api/v1/auth/login", {
      body: { email: body.person.email, password: body.password },
    });
    expect(login.statusCode).toBe(200);
    const again = await call(env, "POST", "/api/v1/setup/demo");
    expect(again.statusCode).toBe(409);
  });

  it("tells anyone how to sign in to the demo until its owner changes password", async () => {
    const { env, body } = await seeded();
    expect(await demoShown(env)).toEqual({ email: body.person.email, password: body.password });

    await env.deps.db
      .update(people)
      .set({ passwordHash: await hashPassword("a password of their own") })
      .where(eq(people.id, body.person.id));
    expect(await demoShown(env)).toBeNull();
  });

  it("stops showing the demo password once the demo organisation is deleted", async () => {
    const { env, body } = await seeded();
    await env.deps.db.delete(organisations).where(eq(organisations.id, body.organisation.id));
    expect(await demoShown(env)).toBeNull();
  });

  it("shows no demo password on an instance without the demo", async () => {
    const env = await freshEnv();
    envs.push(env);
    expect(await demoShown(env)).toBeNull();
  });
});
