import { beforeAll, describe, expect, it } from "vitest";
import { buildTeam } from "../../../../test/support/build";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { AppError } from "../../platform/errors";
import { BUILT_IN_TEMPLATES, templateAgenda } from "./agenda.templates";

let env: TestEnv;
let org: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

const agenda = [
  { title: "Numbers", minutes: 10, outcome: "discuss" },
  { title: "Go or no go", outcome: "decide" },
];

describe("meeting templates", () => {
  it("lists the six built-in templates with fixed ids and agendas with time boxes and outcomes", async () => {
    const res = await call(env, "GET", "/api/v1/meeting-templates", { as: org.member.caller });
    expect(res.statusCode).toBe(200);
    const builtIn = res.json().templates.filter((t: { builtIn: boolean }) => t.builtIn);
    expect(builtIn.map((t: { name: string }) => t.name)).toEqual([
      "One-to-one",
      "Performance review",
      "Weekly team",
      "Planning",
      "Decision",
      "Retrospective",
    ]);
    expect(builtIn[0].id).toBe("00000000-0000-4000-8000-000000000101");
    for (const t of builtIn) {
      expect(t.agenda.length).toBeGreaterThan(2);
      expect(t.agenda.some((i: { outcome: string }) => i.outcome === "decide")).toBe(true);
      expect(t.agenda.every((i: { minutes: number }) => i.minutes > 0)).toBe(true);
    }
  });

  it("saves an organisation's template for admins and team leads, refusing others and names in use", async () => {
    const saved = await call(env, "POST", "/api/v1/meeting-templates", {
      as: org.admin.caller,
      body: { name: "Quarterly review", kind: "planning", agenda },
    });
    expect(saved.statusCode).toBe(201);
    const template = saved.json().template;
    expect(template).toEqual({
      id: expect.any(String),
      name: "Quarterly review",
      kind: "planning",
      builtIn: false,
      agenda: [
        { title: "Numbers", minutes: 10, outcome: "discuss" },
        { title: "Go or no go", minutes: null, outcome: "decide" },
      ],
    });
    const listed = await call(env, "GET", "/api/v1/meeting-templates", { as: org.member.caller });
    expect(listed.json().templates).toContainEqual(template);

    const member = await call(env, "POST", "/api/v1/meeting-templates", {
      as: org.member.caller,
      body: { name: "Mine", agenda },
    });
    expect(member.statusCode).toBe(403);
    expect(member.json().error.message).toContain("save meeting templates");

    const lead = await org.add("member");
    await buildTeam(env, { org, lead });
    const byLead = await call(env, "POST", "/api/v1/meeting-templates", {
      as: lead.caller,
      body: { name: "Team sync", agenda },
    });
    expect(byLead.statusCode).toBe(201);

    for (const name of ["quarterly REVIEW", "Retrospective"]) {
      const dup = await call(env, "POST", "/api/v1/meeting-templates", {
        as: org.admin.caller,
        body: { name, agenda },
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.message).toContain("already exists");
    }

    const other = await makeOrg(env);
    const theirs = await call(env, "GET", "/api/v1/meeting-templates", { as: other.member.caller });
    expect(theirs.json().templates.map((t: { id: string }) => t.id)).not.toContain(template.id);
  });

  it("refuses a template without items, or with bad ones, in words", async () => {
    const empty = await call(env, "POST", "/api/v1/meeting-templates", {
      as: org.admin.caller,
      body: { name: "Empty", agenda: [] },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain("name at least one item");
    const bad = await call(env, "POST", "/api/v1/meeting-templates", {
      as: org.admin.caller,
      body: { name: "Bad", agenda: [{ title: "x", outcome: "vote" }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("must be inform, discuss or decide");
  });

  it("gives a template's agenda to meeting creation, and 404 for an unknown or another organisation's", async () => {
    const builtIn = BUILT_IN_TEMPLATES[4];
    const items = await templateAgenda(env.deps.db, org.organisation.id, builtIn?.id ?? "");
    expect(items[0]).toEqual({ title: "The question, and why now", minutes: 5, outcome: "discuss" });

    const saved = await call(env, "POST", "/api/v1/meeting-templates", {
      as: org.admin.caller,
      body: { name: "Launch check", agenda },
    });
    const id = saved.json().template.id;
    expect(await templateAgenda(env.deps.db, org.organisation.id, id)).toEqual([
      { title: "Numbers", minutes: 10, outcome: "discuss" },
      { title: "Go or no go", outcome: "decide" },
    ]);

    const other = await makeOrg(env);
    for (const [orgId, templateId] of [
      [other.organisation.id, id],
      [org.organisation.id, "00000000-0000-4000-8000-000000000999"],
    ] as const) {
      const err = await templateAgenda(env.deps.db, orgId, templateId).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: "not_found", message: "Template not found" });
    }
  });
});
