import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});

const pendingFor = async (who: TestPerson) =>
  (await call(env, "GET", "/api/v1/me/agreement", { as: who.caller })).json().pending;
const acknowledge = (who: TestPerson, version: number) =>
  call(env, "POST", "/api/v1/agreement/acknowledgements", { as: who.caller, body: { version } });

async function teamWith(o: TestOrg, name: string, members: { who: TestPerson; role: "lead" | "member" }[]) {
  const team = (await call(env, "POST", "/api/v1/teams", { as: o.admin.caller, body: { name } })).json().team;
  const set = await call(env, "PUT", `/api/v1/teams/${team.id}/members`, {
    as: o.admin.caller,
    body: { members: members.map((m) => ({ personId: m.who.person.id, role: m.role })) },
  });
  expect(set.statusCode, set.body).toBe(200);
  return team as { id: string };
}

const tighten = (who: TestPerson, teamId: string, rules: Record<string, unknown>) =>
  call(env, "PUT", `/api/v1/teams/${teamId}/agreement`, { as: who.caller, body: { rules } });

describe("what changed since the person last acknowledged", () => {
  it("compares with the version they acknowledged, not the one before the current", async () => {
    const o = await makeOrg(env);
    await acknowledge(o.member, 1);
    await call(env, "PUT", "/api/v1/agreement", {
      as: o.hr.caller,
      body: { rules: { maxAttendees: 10 }, changeSummary: "Smaller" },
    });
    await call(env, "PUT", "/api/v1/agreement", {
      as: o.hr.caller,
      body: {
        rules: { maxMeetingMinutes: 45 },
        sections: [{ title: "How we meet", body: "Rarely." }],
        changeSummary: "Shorter",
      },
    });
    const pending = await pendingFor(o.member);
    expect(pending.version).toBe(3);
    expect(pending.changes.sinceVersion).toBe(1);
    expect(pending.changes.rules).toEqual([
      { rule: "maxMeetingMinutes", from: "60 minutes", to: "45 minutes" },
      { rule: "maxAttendees", from: "12 people", to: "10 people" },
    ]);
    expect(pending.changes.sections).toContainEqual({ title: "How we meet", change: "added" });
    expect(pending.changes.sections.filter((s: { change: string }) => s.change === "removed")).not.toEqual(
      [],
    );
  });

  it("names a team's override change by what it tightens, without repeating the org's rules", async () => {
    const o = await makeOrg(env);
    const team = await teamWith(o, "Support", [{ who: o.member, role: "member" }]);
    await tighten(o.admin, team.id, { maxAttendees: 8 });
    await acknowledge(o.member, 1);
    const second = await tighten(o.admin, team.id, { maxAttendees: 6, noMeetingDays: ["fri"] });
    expect(second.statusCode, second.body).toBe(200);
    const { changes } = await pendingFor(o.member);
    expect(changes).toEqual({
      sinceVersion: 1,
      rules: [],
      sections: [],
      teams: [
        {
          teamId: team.id,
          teamName: "Support",
          rules: [
            { rule: "noMeetingDays", from: "none", to: "Friday" },
            { rule: "maxAttendees", from: "8 people", to: "6 people" },
          ],
        },
      ],
    });
  });
});

describe("publishing a team override", () => {
  it("acknowledges it for its publisher, in the same step", async () => {
    const o = await makeOrg(env);
    const lead = await o.add("member");
    const team = await teamWith(o, "Platform", [
      { who: lead, role: "lead" },
      { who: o.member, role: "member" },
    ]);
    await acknowledge(lead, 1);
    await acknowledge(o.member, 1);
    const published = await tighten(lead, team.id, { maxMeetingMinutes: 30 });
    expect(published.statusCode).toBe(200);
    expect(await pendingFor(lead)).toBeNull();
    expect((await pendingFor(o.member)).changes.teams).toHaveLength(1);
    const compliance = (await call(env, "GET", "/api/v1/agreement/compliance", { as: o.hr.caller })).json();
    const acknowledged = compliance.acknowledged.map((a: { personId: string }) => a.personId);
    expect(acknowledged).toContain(lead.person.id);
    expect(acknowledged).not.toContain(o.member.person.id);
  });

  it("keeps the org agreement pending for a publisher who never acknowledged it", async () => {
    const o = await makeOrg(env);
    const lead = await o.add("member");
    const team = await teamWith(o, "Data", [{ who: lead, role: "lead" }]);
    await tighten(lead, team.id, { maxMeetingMinutes: 30 });
    expect(await pendingFor(lead)).toEqual({
      version: 1,
      changes: { sinceVersion: null, rules: [], sections: [], teams: [] },
    });
  });
});
