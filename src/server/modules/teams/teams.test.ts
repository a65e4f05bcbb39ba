import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";

let env: TestEnv;
let org: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

describe("teams", () => {
  it("makes a manager who creates a team its lead, and lets leads (only) manage it", async () => {
    const created = await call(env, "POST", "/api/v1/teams", {
      as: org.manager.caller,
      body: { name: "Design" },
    });
    expect(created.statusCode).toBe(201);
    const team = created.json().team;
    expect(team.members).toEqual([{ personId: org.manager.person.id, role: "lead" }]);

    const members = [
      { personId: org.manager.person.id, role: "lead" },
      { personId: org.member.person.id, role: "member" },
    ];
    const set = await call(env, "PUT", `/api/v1/teams/${team.id}/members`, {
      as: org.manager.caller,
      body: { members },
    });
    expect(set.statusCode).toBe(200);
    const read = await call(env, "GET", `/api/v1/teams/${team.id}`, { as: org.member.caller });
    expect(read.json().team.members).toHaveLength(2);

    const otherManager = await org.add("manager");
    const denied = await call(env, "PATCH", `/api/v1/teams/${team.id}`, {
      as: otherManager.caller,
      body: { name: "Mine" },
    });
    expect(denied.statusCode).toBe(403);
    const renamed = await call(env, "PATCH", `/api/v1/teams/${team.id}`, {
      as: org.manager.caller,
      body: { name: "Product Design" },
    });
    expect(renamed.json().team.name).toBe("Product Design");

    const list = await call(env, "GET", "/api/v1/teams", { as: org.member.caller });
    expect(list.json().teams.find((t: { id: string }) => t.id === team.id)?.members).toHaveLength(2);
  });

  it("names a member who is not in the organisation and changes nothing", async () => {
    const foreign = await makeOrg(env);
    const team = (
      await call(env, "POST", "/api/v1/teams", { as: org.admin.caller, body: { name: "Ops" } })
    ).json().team;
    await call(env, "PUT", `/api/v1/teams/${team.id}/members`, {
      as: org.admin.caller,
      body: { members: [{ personId: org.member.person.id, role: "member" }] },
    });
    const res = await call(env, "PUT", `/api/v1/teams/${team.id}/members`, {
      as: org.admin.caller,
      body: {
        members: [
          { personId: org.hr.person.id, role: "lead" },
          { personId: foreign.member.person.id, role: "member" },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("Second member: person is not a person");
    expect(res.json().error.details.fields[0].path).toBe("members[1].personId");
    const after = await call(env, "GET", `/api/v1/teams/${team.id}`, { as: org.admin.caller });
    expect(after.json().team.members).toEqual([{ personId: org.member.person.id, role: "member" }]);

    const twice = await call(env, "PUT", `/api/v1/teams/${team.id}/members`, {
      as: org.admin.caller,
      body: {
        members: [
          { personId: org.hr.person.id, role: "lead" },
          { personId: org.hr.person.id, role: "member" },
        ],
      },
    });
    expect(twice.statusCode).toBe(400);
  });

  it("deletes a team and its memberships; another organisation sees 404", async () => {
    const team = (
      await call(env, "POST", "/api/v1/teams", { as: org.hr.caller, body: { name: "Temp" } })
    ).json().team;
    const foreign = await makeOrg(env);
    expect(
      (await call(env, "GET", `/api/v1/teams/${team.id}`, { as: foreign.admin.caller })).statusCode,
    ).toBe(404);
    expect(
      (await call(env, "DELETE", `/api/v1/teams/${team.id}`, { as: foreign.admin.caller })).statusCode,
    ).toBe(404);
    expect((await call(env, "DELETE", `/api/v1/teams/${team.id}`, { as: org.hr.caller })).statusCode).toBe(
      204,
    );
    expect((await call(env, "GET", `/api/v1/teams/${team.id}`, { as: org.hr.caller })).statusCode).toBe(404);
  });
});
