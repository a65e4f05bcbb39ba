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
    // The admin published version 2, which counts as acknowledging it.
    expect(compliance.acknowledged.map((a: { personId: string }) => a.personId).sort()).toEqual(
      [org.admin.person.id, org.member.person.id].sort(),
    );
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
    expect(unknown.json().error.message).toMatch(/^Template is not one of /);
    expect(unknown.json().error.details.fields[0].path).toBe("templateId");
    const empty = await call(env, "POST", "/api/v1/policies", { as: org.hr.caller, body: { title: "X" } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain("body");
  });
});

describe("acknowledgement polish", () => {
  it("counts the publisher as having acknowledged, and lists invited people as invited", async () => {
    const o = await makeOrg(env);
    const invited = await o.add("member", { active: false });
    const created = (
      await call(env, "POST", "/api/v1/policies", {
        as: o.hr.caller,
        body: { templateId: "meeting-policy", title: "Meetings" },
      })
    ).json().policy;
    const compliance = (
      await call(env, "GET", `/api/v1/policies/${created.id}/compliance`, { as: o.hr.caller })
    ).json();
    expect(compliance.acknowledged.map((a: { personId: string }) => a.personId)).toEqual([o.hr.person.id]);
    expect(compliance.pending).toContainEqual({ personId: invited.person.id, status: "invited" });
    expect(compliance.pending).toContainEqual({ personId: o.member.person.id, status: "active" });
    await call(env, "PUT", `/api/v1/policies/${created.id}`, {
      as: o.admin.caller,
      body: { body: "Shorter meetings.", changeSummary: "Shorter" },
    });
    const mine = (await call(env, "GET", "/api/v1/me/policies", { as: o.admin.caller })).json().pending;
    expect(mine).toEqual([]);

    const agreement = (await call(env, "GET", "/api/v1/agreement/compliance", { as: o.hr.caller })).json();
    expect(agreement.pending).toContainEqual({ personId: invited.person.id, status: "invited" });
    await call(env, "PUT", "/api/v1/agreement", {
      as: o.hr.caller,
      body: { rules: { maxAttendees: 9 }, changeSummary: "Smaller" },
    });
    const hrPending = (await call(env, "GET", "/api/v1/me/agreement", { as: o.hr.caller })).json().pending;
    expect(hrPending).toBeNull();
  });
});

describe("what changed in a policy since the reader last acknowledged it", () => {
  it("shows the added and removed lines since their version; nothing once they are up to date", async () => {
    const o = await makeOrg(env);
    const newcomer = await o.add("member");
    const { policy } = (
      await call(env, "POST", "/api/v1/policies", {
        as: o.hr.caller,
        body: { title: "Disconnect", body: "# Disconnect\n\nNo email after 18:00.\n\nWeekends are off." },
      })
    ).json();
    const read = async (who: typeof o.member) =>
      (await call(env, "GET", `/api/v1/policies/${policy.id}`, { as: who.caller })).json().policy;
    await call(env, "POST", `/api/v1/policies/${policy.id}/acknowledgements`, {
      as: o.member.caller,
      body: { version: 1 },
    });
    expect((await read(o.member)).sinceAcknowledged).toBeNull();
    for (const body of [
      "# Disconnect\n\nNo email after 19:00.\n\nWeekends are off.",
      "# Disconnect\n\nNo email after 19:00.\n\nWeekends are off.\n\nIncidents may call.",
    ]) {
      await call(env, "PUT", `/api/v1/policies/${policy.id}`, {
        as: o.hr.caller,
        body: { body, changeSummary: "Later evenings" },
      });
    }
    expect((await read(o.member)).sinceAcknowledged).toEqual({
      sinceVersion: 1,
      lines: [
        { change: "removed", line: "No email after 18:00." },
        { change: "added", line: "No email after 19:00." },
        { change: "added", line: "Incidents may call." },
      ],
    });
    expect((await read(newcomer)).sinceAcknowledged).toEqual({ sinceVersion: null, lines: [] });
    // The publisher of version 3 has acknowledged it.
    expect((await read(o.hr)).sinceAcknowledged).toBeNull();
  });
});
