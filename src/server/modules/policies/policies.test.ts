import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";

let env: TestEnv;
let org: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

describe("policies", () => {
  it("are created from templates, versioned, acknowledged and tracked", async () => {
    const templates = (await call(env, "GET", "/api/v1/policies/templates", { as: org.member.caller })).json()
      .templates;
    expect(templates.map((t: { id: string }) => t.id)).toEqual([
      "flexible-working",
      "right-to-disconnect",
      "meeting-policy",
    ]);

    const created = await call(env, "POST", "/api/v1/policies", {
      as: org.hr.caller,
      body: { templateId: "right-to-disconnect", title: "Switching off" },
    });
    expect(created.statusCode).toBe(201);
    const policy = created.json().policy;
    expect(policy).toMatchObject({ title: "Switching off", version: 1 });
    expect(policy.body).toContain("Urgent overrides");
    expect(policy.html).toContain("<h2>");

    const pending = async () =>
      (await call(env, "GET", "/api/v1/me/policies", { as: org.member.caller })).json().pending;
    expect(await pending()).toEqual([{ id: policy.id, title: "Switching off", version: 1 }]);
    await call(env, "POST", `/api/v1/policies/${policy.id}/acknowledgements`, {
      as: org.member.caller,
      body: { version: 1 },
    });
    expect(await pending()).toEqual([]);

    const edited = await call(env, "PUT", `/api/v1/policies/${policy.id}`, {
      as: org.admin.caller,
      body: {
        body: `${policy.body}\n\nOn-call staff are paid for being reachable.`,
        changeSummary: "On-call",
      },
    });
    expect(edited.json().policy.version).toBe(2);
    expect(await pending()).toHaveLength(1);
    const stale = await call(env, "POST", `/api/v1/policies/${policy.id}/acknowledgements`, {
      as: org.member.caller,
      body: { version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    await call(env, "POST", `/api/v1/policies/${policy.id}/acknowledgements`, {
      as: org.member.caller,
      body: { version: 2 },
    });

    const compliance = (
      await call(env, "GET", `/api/v1/policies/${policy.id}/compliance`, { as: org.hr.caller })
    ).json();
    expect(compliance.version).toBe(2);
    expect(compliance.acknowledged.map((a: { personId: string }) => a.personId)).toEqual([
      org.member.person.id,
    ]);
    const versions = (
      await call(env, "GET", `/api/v1/policies/${policy.id}/versions`, { as: org.member.caller })
    ).json().versions;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it("rejects an unknown template and a policy with neither body nor template", async () => {
    const unknown = await call(env, "POST", "/api/v1/policies", {
      as: org.hr.caller,
      body: { templateId: "nope", title: "X" },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain("templateId");
    const empty = await call(env, "POST", "/api/v1/policies", { as: org.hr.caller, body: { title: "X" } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain("body");
  });
});
