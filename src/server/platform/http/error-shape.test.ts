import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { buildApp } from "../../app";

let env: TestEnv;
let org: TestOrg;

beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every failure answers { error: { code, message, requestId, details? } } as JSON, and nothing else. */
function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).toMatchObject({
    code,
    message: expect.any(String),
    requestId: expect.stringMatching(UUID),
  });
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error as { code: string; message: string; requestId: string; details?: unknown };
}

const postRaw = (payload: string, contentType: string) =>
  call(env, "POST", "/api/v1/me/tokens", {
    as: org.member.caller,
    payload,
    headers: { "content-type": contentType },
  });

describe("error responses", () => {
  it("400 validation_failed names the field", async () => {
    const res = await call(env, "POST", "/api/v1/me/tokens", { as: org.member.caller, body: { name: 5 } });
    const error = expectError(res, 400, "validation_failed");
    expect(error.message).toBe("Name must be text");
    expect(error.details).toEqual({ fields: [{ path: "name", message: "Name must be text" }] });
  });

  it("400 validation_failed says each problem as a sentence naming the field in words, the path in details", async () => {
    const res = await call(env, "PUT", `/api/v1/people/${org.member.person.id}/working-pattern`, {
      as: org.member.caller,
      body: {
        week: {
          mon: [{ start: "17:00", end: "09:00" }],
          thu: [
            { start: "09:00", end: "12:00" },
            { start: "11:00", end: 5 },
          ],
        },
        nickname: "Mo",
      },
    });
    const error = expectError(res, 400, "validation_failed");
    expect(error.details).toEqual({
      fields: [
        { path: "week.thu[1].end", message: "Thursday, second interval: end must be text" },
        { path: "nickname", message: 'Unknown field "nickname"; remove it' },
      ],
    });
    expect(error.message).toBe(
      'Thursday, second interval: end must be text; Unknown field "nickname"; remove it',
    );
    const backwards = await call(env, "PUT", `/api/v1/people/${org.member.person.id}/working-pattern`, {
      as: org.member.caller,
      body: { week: { mon: [{ start: "17:00", end: "09:00" }] } },
    });
    expect(expectError(backwards, 400, "validation_failed")).toMatchObject({
      message: "Monday, first interval: end (09:00) must be after its start (17:00)",
      details: { fields: [{ path: "week.mon[0].end" }] },
    });
  });

  it("400 validation_failed naming the field for a NUL character (the database refuses them)", async () => {
    const body = await call(env, "POST", "/api/v1/me/tokens", {
      as: org.member.caller,
      body: { name: "laptop\u0000" },
    });
    expect(expectError(body, 400, "validation_failed").details).toEqual({
      fields: [{ path: "name", message: expect.any(String) }],
    });
    const nested = await call(env, "PUT", `/api/v1/people/${org.member.person.id}/working-pattern`, {
      as: org.member.caller,
      body: { week: { mon: [{ start: "09:00", end: "17:00\u0000" }] } },
    });
    const nestedError = expectError(nested, 400, "validation_failed");
    expect(nestedError.message).toBe("Monday, first interval: end must not contain a NUL character");
    expect(nestedError.details).toEqual({
      fields: [{ path: "week.mon[0].end", message: nestedError.message }],
    });
    const query = await call(env, "GET", "/api/v1/people?q=%00", { as: org.member.caller });
    expect(expectError(query, 400, "validation_failed")).toMatchObject({
      message: "Search text must not contain a NUL character",
      details: { fields: [{ path: "q" }] },
    });
    const csv = await call(env, "POST", "/api/v1/people/import", {
      as: org.admin.caller,
      payload: "name,email,role,timeZone,team\nAda\u0000,ada@example.test,member,UTC,\n",
      headers: { "content-type": "text/csv" },
    });
    expectError(csv, 400, "validation_failed");
  });

  it("400 malformed_json for a body that is not JSON", async () => {
    expectError(await postRaw('{"name": ', "application/json"), 400, "malformed_json");
  });

  it("401 unauthenticated without a session or token", async () => {
    expectError(await call(env, "GET", "/api/v1/me"), 401, "unauthenticated");
  });

  it("403 forbidden for a role without the right", async () => {
    expectError(await call(env, "GET", "/api/v1/audit", { as: org.member.caller }), 403, "forbidden");
  });

  it("404 not_found for a missing id", async () => {
    const res = await call(env, "DELETE", `/api/v1/me/tokens/${randomUUID()}`, { as: org.member.caller });
    expectError(res, 404, "not_found");
  });

  it("404 JSON for an unknown API route, signed in or not", async () => {
    for (const as of [undefined, org.member.caller]) {
      const res = await call(env, "GET", "/api/v1/no-such-thing", as ? { as } : {});
      expect(expectError(res, 404, "not_found").message).toContain("/api/v1/no-such-thing");
    }
    expectError(await call(env, "POST", "/api/nowhere", { body: {} }), 404, "not_found");
  });

  it("409 when setup is closed", async () => {
    const res = await call(env, "POST", "/api/v1/setup", {
      body: {
        organisation: { name: "Late", timeZone: "UTC" },
        owner: { name: "Lee", email: "lee@example.test", password: "correct horse battery", timeZone: "UTC" },
      },
    });
    expectError(res, 409, "setup_closed");
  });

  it("415 for a body that is not JSON at all", async () => {
    expectError(await postRaw("name=x", "application/x-www-form-urlencoded"), 415, "unsupported_media_type");
  });

  it("429 too_many_requests with Retry-After", async () => {
    const email = `nobody-${randomUUID()}@example.test`;
    const attempt = () =>
      env.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        remoteAddress: "192.0.2.77",
        payload: { email, password: "guess" },
      });
    for (let i = 0; i < 5; i++) expectError(await attempt(), 401, "invalid_credentials");
    const res = await attempt();
    expectError(res, 429, "too_many_requests");
    expect(res.headers["retry-after"]).toMatch(/^\d+$/);
  });

  it("gives every request its own id", async () => {
    const a = (await call(env, "GET", "/api/v1/me")).json().error.requestId;
    const b = (await call(env, "GET", "/api/v1/me")).json().error.requestId;
    expect(a).not.toBe(b);
  });
});

describe("unexpected failures", () => {
  const extra: TestEnv["app"][] = [];
  afterAll(async () => {
    for (const app of extra) await app.close();
  });

  it("answer 500 without internals", async () => {
    const app = await buildApp(env.deps, { logger: false });
    extra.push(app);
    app.get("/boom", { config: { access: "public" } }, async () => {
      throw new Error("connection string postgres://secret@db leaked?");
    });
    const res = await app.inject({ method: "GET", url: "/boom" });
    const error = expectError(res, 500, "internal");
    expect(res.body).not.toContain("secret");
    expect(error.details).toBeUndefined();
  });

  it("log a failed query without its parameters (they may hold tokens or personal data)", async () => {
    const app = await buildApp(env.deps, { logger: false });
    extra.push(app);
    const logged: unknown[] = [];
    app.addHook("onRequest", async (request) => {
      request.log = Object.assign(Object.create(request.log), {
        error: (...args: unknown[]) => logged.push(args),
      });
    });
    app.get("/query-boom", { config: { access: "public" } }, async () => {
      await env.deps.db.execute(sql`select ${"tdm_supersecret_invitation_token"}::text, 1 / 0`);
    });
    const res = await app.inject({ method: "GET", url: "/query-boom" });
    expectError(res, 500, "internal");
    expect(logged).toHaveLength(1);
    const text = JSON.stringify(logged, (_key, value) =>
      value instanceof Error
        ? { ...value, message: value.message, cause: value.cause, stack: value.stack }
        : value,
    );
    expect(text).toContain("Failed query");
    expect(text).not.toContain("tdm_supersecret");
  });
});
