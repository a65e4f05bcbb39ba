import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInsightWeeks } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import type { TestEnv } from "../../../../test/support/harness";
import { testEnv } from "../../../../test/support/harness";
import { systemClock } from "../../platform/clock";
import { get, NOW, newPeople, organisationUrl, teamOf, teamUrl, weeksAgo } from "./insights.fixtures";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
  env.deps.clock = { now: () => NOW };
});
afterAll(() => {
  env.deps.clock = systemClock;
});

/** An ordinary week of rows for each of these people. */
async function weekOf(org: TestOrg, people: TestPerson[]) {
  for (const [i, person] of people.entries())
    await buildInsightWeeks(env, {
      org,
      personId: person.person.id,
      weeks: [{ weekStart: weeksAgo(1), meetingHours: 5 + i }],
    });
}

/**
 * The organisation's five and five more outside any team (so the whole organisation is never a team
 * plus a few), and Platform: the manager leading, four more in London and two in Kolkata — seven.
 */
async function platform(org: TestOrg) {
  const others = await newPeople(org, 5);
  const london = await newPeople(org, 4);
  const kolkata = await newPeople(org, 2, "Asia/Kolkata");
  const team = await teamOf(env, org, "Platform", [...london, ...kolkata], org.manager);
  await weekOf(org, [org.manager, ...london, ...kolkata, ...others]);
  return { team, london, kolkata };
}

describe("no differencing", () => {
  it("refuses a team of 7 broken down by zone into 5 and 2: the five beside the seven tell about the two", async () => {
    const org = await makeOrg(env);
    const { team } = await platform(org);
    for (const who of ["hr", "admin"] as const) {
      const res = await get(env, organisationUrl(`?groupBy=timeZone&teamId=${team.id}`), org[who]);
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe("privacy_threshold");
      expect(error.message).toMatch(
        /^Platform and the Platform people in Europe\/London differ by 2 people, fewer than the minimum group size of 5, so their figures cannot both be shown/,
      );
      expect(error.message).toMatch(/ask an admin/);
      expect(error.details).toEqual({
        groups: [
          { key: `team:${team.id}`, label: "Platform" },
          { key: `team:${team.id}/timeZone:Europe/London`, label: "the Platform people in Europe/London" },
        ],
        difference: 2,
        minGroupSize: 5,
      });
    }
    // The team as a whole is fine: nothing else the viewer sees is within 5 people of it.
    const whole = await get(env, organisationUrl(`?teamId=${team.id}`), org.hr);
    expect(whole.statusCode).toBe(200);
    expect(whole.json().groups).toEqual([
      expect.objectContaining({ key: team.id, label: "Platform", people: 7, suppressed: false }),
    ]);
    expect((await get(env, teamUrl(team.id), org.hr)).statusCode).toBe(200);
  });

  it("refuses two teams five people apart or less, to HR and to whoever leads both, on both routes", async () => {
    const org = await makeOrg(env);
    const { team, london, kolkata } = await platform(org);
    // Platform Core: the manager and four of Platform: the seven minus two.
    const core = await teamOf(
      env,
      org,
      "Platform Core",
      [...london.slice(0, 3), ...kolkata.slice(0, 1)],
      org.manager,
    );
    for (const who of ["hr", "admin", "manager"] as const)
      for (const id of [team.id, core.id]) {
        const res = await get(env, teamUrl(id), org[who]);
        expect({ who, status: res.statusCode }).toEqual({ who, status: 400 });
        expect(res.json().error.code).toBe("privacy_threshold");
        expect(res.json().error.message).toMatch(
          /^Platform and Platform Core differ by 2 people, fewer than the minimum group size of 5/,
        );
      }
    const byTeam = await get(env, organisationUrl(), org.hr);
    expect(byTeam.statusCode).toBe(400);
    expect(byTeam.json().error.details.groups.map((g: { label: string }) => g.label)).toEqual([
      "Platform",
      "Platform Core",
    ]);
  });

  it("lets a lead of one of the two see it: they cannot set the other beside it", async () => {
    const org = await makeOrg(env);
    const { team, london, kolkata } = await platform(org);
    const coreLead = london[0] as TestPerson;
    const core = await teamOf(
      env,
      org,
      "Platform Core",
      [...london.slice(1), ...kolkata.slice(0, 1)],
      coreLead,
    );
    const res = await get(env, teamUrl(core.id), coreLead);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ team: { people: 5 }, suppressed: false });
    expect((await get(env, teamUrl(team.id), org.manager)).statusCode).toBe(200);
    expect((await get(env, teamUrl(team.id), coreLead)).statusCode).toBe(403);
  });

  it("allows disjoint teams, and a team inside another when they differ by at least 5", async () => {
    const org = await makeOrg(env);
    await newPeople(org, 5);
    const engineering = await newPeople(org, 10);
    const sales = await newPeople(org, 5);
    await weekOf(org, [...engineering, ...sales]);
    const eng = await teamOf(env, org, "Engineering", engineering);
    const core = await teamOf(env, org, "Core", engineering.slice(0, 5));
    const salesTeam = await teamOf(env, org, "Sales", sales);
    for (const id of [eng.id, core.id, salesTeam.id]) {
      const res = await get(env, teamUrl(id), org.hr);
      expect(res.statusCode).toBe(200);
      expect(res.json().weeks).toHaveLength(1);
    }
    const view = (await get(env, organisationUrl(), org.admin)).json();
    expect(
      view.groups.map((g: { label: string; people: number; suppressed: boolean }) => [
        g.label,
        g.people,
        g.suppressed,
      ]),
    ).toEqual([
      ["Core", 5, false],
      ["Engineering", 10, false],
      ["Sales", 5, false],
    ]);
  });

  it("ignores groups under the minimum: they show no figures to set beside anything", async () => {
    const org = await makeOrg(env);
    await newPeople(org, 5);
    const seven = await newPeople(org, 7);
    await weekOf(org, seven);
    const team = await teamOf(env, org, "Seven", seven);
    // Three of the seven: 4 apart from the team, but suppressed.
    await teamOf(env, org, "Three", seven.slice(0, 3));
    const res = await get(env, teamUrl(team.id), org.hr);
    expect(res.statusCode).toBe(200);
    const view = (await get(env, organisationUrl(), org.hr)).json();
    expect(view.groups.map((g: { label: string; suppressed: boolean }) => [g.label, g.suppressed])).toEqual([
      ["Seven", false],
      ["Three", true],
    ]);
  });
});
