import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { type Caller, call, type TestEnv, testEnv } from "../../../../test/support/harness";

let env: TestEnv;
let org: TestOrg;

beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

async function createToken(as: Caller, name: string) {
  const res = await call(env, "POST", "/api/v1/me/tokens", { as, body: { name } });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; name: string; token: string; createdAt: string };
}

const bearer = (token: string): Caller => ({ kind: "token", token });

describe("API tokens", () => {
  it("shows a new token once; the list never shows it again", async () => {
    const created = await createToken(org.member.caller, "laptop script");
    expect(created).toMatchObject({ id: expect.any(String), name: "laptop script" });
    expect(created.token).toMatch(/^tdm_[\w-]{40,}$/);

    const list = await call(env, "GET", "/api/v1/me/tokens", { as: org.member.caller });
    expect(list.statusCode).toBe(200);
    const listed = list.json().tokens.find((t: { id: string }) => t.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      name: "laptop script",
      createdAt: created.createdAt,
      lastUsedAt: null,
    });
    expect(list.body).not.toContain(created.token);
  });

  it("authenticates as its owner, and records when it was last used", async () => {
    const { id, token } = await createToken(org.hr.caller, "reporting");
    const me = await call(env, "GET", "/api/v1/me", { as: bearer(token) });
    expect(me.statusCode).toBe(200);
    expect(me.json().person).toMatchObject({ id: org.hr.person.id, role: "hr" });
    expect(me.json().organisation.id).toBe(org.organisation.id);

    const list = await call(env, "GET", "/api/v1/me/tokens", { as: org.hr.caller });
    const listed = list.json().tokens.find((t: { id: string }) => t.id === id);
    expect(listed.lastUsedAt).toEqual(expect.any(String));
  });

  it("stops working once deleted", async () => {
    const { id, token } = await createToken(org.manager.caller, "short-lived");
    const del = await call(env, "DELETE", `/api/v1/me/tokens/${id}`, { as: org.manager.caller });
    expect(del.statusCode).toBe(204);
    const me = await call(env, "GET", "/api/v1/me", { as: bearer(token) });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe("unauthenticated");
    const again = await call(env, "DELETE", `/api/v1/me/tokens/${id}`, { as: org.manager.caller });
    expect(again.statusCode).toBe(404);
  });

  it("answers 404 for another person's token, even an admin's attempt, and leaves it working", async () => {
    const { id, token } = await createToken(org.member.caller, "mine");
    const res = await call(env, "DELETE", `/api/v1/me/tokens/${id}`, { as: org.admin.caller });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
    const missing = await call(env, "DELETE", `/api/v1/me/tokens/${randomUUID()}`, { as: org.admin.caller });
    expect(missing.json().error.message).toBe(res.json().error.message);
    expect((await call(env, "GET", "/api/v1/me", { as: bearer(token) })).statusCode).toBe(200);
  });

  it("rejects an unknown bearer token with 401", async () => {
    const res = await call(env, "GET", "/api/v1/me", { as: bearer("tdm_made-up") });
    expect(res.statusCode).toBe(401);
  });

  it("audits creation and deletion", async () => {
    const { id } = await createToken(org.manager.caller, "audited");
    await call(env, "DELETE", `/api/v1/me/tokens/${id}`, { as: org.manager.caller });
    const audit = await call(env, "GET", "/api/v1/audit", { as: org.admin.caller });
    const rows = audit.json().entries.filter((e: { targetId: string }) => e.targetId === id);
    expect(rows.map((e: { action: string }) => e.action).sort()).toEqual(["token.created", "token.deleted"]);
    for (const row of rows)
      expect(row).toMatchObject({ actorId: org.manager.person.id, targetType: "api_token" });
    expect(rows.find((e: { action: string }) => e.action === "token.created").data).toEqual({
      name: "audited",
    });
  });
});
