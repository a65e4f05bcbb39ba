import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildAgreementVersion,
  buildInsightWeeks,
  buildTeam,
  buildTeamAgreement,
} from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import type { Rules } from "../../../contracts/agreement";
import { agreementVersions, teamAgreementVersions } from "../agreement/agreement.table";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});

/** Published on Wednesday 11 March 2026 (London): the week of 9 March is the turning point. */
const PUBLISHED = new Date("2026-03-11T12:00:00Z");
const BEFORE = ["2026-02-23", "2026-03-02"];
const AFTER = ["2026-03-16", "2026-03-23"];

const url = (query: string) => `/api/v1/insights/agreement-effect?${query}`;

/** A team led by the organisation's manager with `size - 1` more members (the lead counts). */
async function teamOf(org: TestOrg, size: number) {
  const members: TestPerson[] = [];
  for (let i = 1; i < size; i++) members.push(await org.add("member"));
  const { team } = await buildTeam(env, { org, lead: org.manager, members });
  return { team, members };
}

async function publishOrgVersion(org: TestOrg, rules: Partial<Rules>) {
  const { version } = await buildAgreementVersion(env, { org, rules });
  await env.deps.db
    .update(agreementVersions)
    .set({ publishedAt: PUBLISHED })
    .where(
      and(
        eq(agreementVersions.organisationId, org.organisation.id),
        eq(agreementVersions.version, version.version),
      ),
    );
  return version.version;
}

/**
 * Five members' weeks: focus 4–8 h and 5–9 h before (median 6.5), 8–12 h and 9–13 h after (median
 * 10.5); 10 meeting hours a week before, 6 after; a pulse from four people before and five after.
 * The week of publication and the one before the period carry outliers that must not count.
 */
async function rollups(org: TestOrg, members: TestPerson[]) {
  for (const [i, member] of members.entries()) {
    await buildInsightWeeks(env, {
      org,
      personId: member.person.id,
      weeks: [
        { weekStart: "2026-02-16", focusHours: 100, meetingHours: 100 },
        { weekStart: BEFORE[0] as string, focusHours: 4 + i, pulse: i < 4 ? 2 : null },
        { weekStart: BEFORE[1] as string, focusHours: 5 + i },
        { weekStart: "2026-03-09", focusHours: 100, meetingHours: 100 },
        { weekStart: AFTER[0] as string, focusHours: 8 + i, meetingHours: 6, pulse: 4 },
        { weekStart: AFTER[1] as string, focusHours: 9 + i, meetingHours: 6, replyLatencyHours: 3 },
      ],
    });
  }
}

describe("GET /api/v1/insights/agreement-effect", () => {
  it("compares the team's weeks before the publication week with the weeks from the Monday after", async () => {
    const org = await makeOrg(env);
    const { team, members } = await teamOf(org, 6);
    await rollups(org, members.slice(0, 5));
    const version = await publishOrgVersion(org, { noMeetingDays: ["wed"] });

    for (const who of ["manager", "hr", "admin"] as const) {
      const res = await call(env, "GET", url(`teamId=${team.id}&version=${version}&weeks=2`), {
        as: org[who].caller,
      });
      expect({ who, status: res.statusCode }).toEqual({ who, status: 200 });
      const view = res.json();
      expect(view).toMatchObject({
        team: { id: team.id, name: team.name },
        of: "organisation",
        version,
        effectiveFrom: "2026-03-16",
        weeks: 2,
        minGroupSize: 5,
        suppressed: false,
      });
      expect(view.before).toEqual({
        from: "2026-02-23",
        to: "2026-03-08",
        people: 5,
        meetingHours: { median: 10, p75: 10 },
        focusHours: { median: 6.5, p75: 7.75 },
        fragmentedHours: { median: 2, p75: 2 },
        afterHoursMeetingHours: { median: 0, p75: 0 },
        burdenPoints: { median: 0, p75: 0 },
        // Four people answered a pulse: below the minimum group, so no pulse figure.
        meetingHoursDistribution: [0, 0, 5, 0, 0],
      });
      expect(view.after).toEqual({
        from: "2026-03-16",
        to: "2026-03-29",
        people: 5,
        meetingHours: { median: 6, p75: 6 },
        focusHours: { median: 10.5, p75: 11.75 },
        fragmentedHours: { median: 2, p75: 2 },
        afterHoursMeetingHours: { median: 0, p75: 0 },
        burdenPoints: { median: 0, p75: 0 },
        replyLatencyHours: { median: 3, p75: 3 },
        pulse: { median: 4, p75: 4 },
        meetingHoursDistribution: [0, 5, 0, 0, 0],
      });
      expect(view.changeSummary).toEqual([
        "No-meeting days: none → Wednesday; median focus hours 6.5 → 10.5",
      ]);
    }
  });

  it("shows no figures for a team of 4, only what changed", async () => {
    const org = await makeOrg(env);
    const { team, members } = await teamOf(org, 4);
    await rollups(org, members);
    const version = await publishOrgVersion(org, { noMeetingDays: ["wed"] });
    const res = await call(env, "GET", url(`teamId=${team.id}&version=${version}`), {
      as: org.manager.caller,
    });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.suppressed).toBe(true);
    expect(view).not.toHaveProperty("before");
    expect(view).not.toHaveProperty("after");
    expect(view.changeSummary).toEqual(["No-meeting days: none → Wednesday"]);
  });

  it("compares a team's own version with the one before it, on the organisation's rules then", async () => {
    const org = await makeOrg(env);
    const { team } = await teamOf(org, 5);
    await buildTeamAgreement(env, { org, teamId: team.id, rules: { maxMeetingMinutes: 45 } });
    await buildTeamAgreement(env, {
      org,
      teamId: team.id,
      rules: { maxMeetingMinutes: 45, noMeetingDays: ["fri"] },
    });
    // The organisation's version 1 was in force then; the team's version 2 came on top of its version 1.
    await env.deps.db
      .update(agreementVersions)
      .set({ publishedAt: new Date("2026-01-05T09:00:00Z") })
      .where(eq(agreementVersions.organisationId, org.organisation.id));
    await env.deps.db
      .update(teamAgreementVersions)
      .set({ publishedAt: PUBLISHED })
      .where(and(eq(teamAgreementVersions.teamId, team.id), eq(teamAgreementVersions.teamVersion, 2)));
    const res = await call(env, "GET", url(`teamId=${team.id}&of=team&version=2&weeks=3`), {
      as: org.manager.caller,
    });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ of: "team", version: 2, effectiveFrom: "2026-03-16", suppressed: false });
    expect(view.before).toEqual({ from: "2026-02-16", to: "2026-03-08", people: 0 });
    expect(view.changeSummary).toEqual(["No-meeting days: none → Friday"]);
  });

  it("says so for the organisation's first version, over the whole organisation for HR", async () => {
    const org = await makeOrg(env);
    const res = await call(env, "GET", url("version=1"), { as: org.hr.caller });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ team: null, of: "organisation", version: 1, suppressed: false });
    expect(view.changeSummary).toEqual([
      "Version 1 is the first agreement, the defaults: there was no earlier version to change.",
    ]);
  });

  it("refuses members, leads of other teams, and leads without a team", async () => {
    const org = await makeOrg(env);
    const { team, members } = await teamOf(org, 5);
    const otherLead = await org.add("manager");
    await buildTeam(env, { org, name: "Other", lead: otherLead, members: [await org.add("member")] });
    const member = members[0] as TestPerson;
    for (const [who, caller, query] of [
      ["team member", member.caller, `teamId=${team.id}&version=1`],
      ["other lead", otherLead.caller, `teamId=${team.id}&version=1`],
      ["lead, whole organisation", org.manager.caller, "version=1"],
      ["member, whole organisation", org.member.caller, "version=1"],
    ] as const) {
      const res = await call(env, "GET", url(query), { as: caller });
      expect({ who, status: res.statusCode }).toEqual({ who, status: 403 });
      expect(res.json().error.message).toMatch(
        /^Only the team's leads, .* may see the effect of this agreement/,
      );
    }
  });

  it("answers 404 with a sentence for a version or team that does not exist", async () => {
    const org = await makeOrg(env);
    const { team } = await teamOf(org, 5);
    const foreign = await makeOrg(env);
    const { team: foreignTeam } = await buildTeam(env, { org: foreign });
    for (const [query, message] of [
      ["version=9", "Agreement version 9 not found"],
      ["version=3000000000", "Agreement version 3000000000 not found"],
      [`teamId=${team.id}&of=team&version=1`, "Version 1 of this team's agreement not found"],
      [`teamId=${foreignTeam.id}&version=1`, "Team not found"],
    ] as const) {
      const res = await call(env, "GET", url(query), { as: org.admin.caller });
      expect({ query, status: res.statusCode, message: res.json().error.message }).toEqual({
        query,
        status: 404,
        message,
      });
    }
  });

  it("names each bad field of the query in a sentence", async () => {
    const org = await makeOrg(env);
    const { team } = await teamOf(org, 5);
    for (const [query, field] of [
      ["version=1&weeks=0", "weeks"],
      ["version=1&weeks=27", "weeks"],
      ["version=1&of=team", "teamId"],
      ["version=first", "version"],
      ["version=0", "version"],
      [`teamId=${team.id}&version=1&of=everyone`, "of"],
      ["version=1&teamId=nope", "teamId"],
    ] as const) {
      const res = await call(env, "GET", url(query), { as: org.admin.caller });
      expect({ query, status: res.statusCode }).toEqual({ query, status: 400 });
      const error = res.json().error;
      expect(error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
      expect(error.message).toMatch(/^[A-Z]/);
    }
  });
});
