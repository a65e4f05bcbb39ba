import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InsightWeekFigures } from "../../../../test/support/build";
import { buildInsightWeeks } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
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

/** Each person's rows: `weeks[i]` are person i's figures (left out: no row that week). */
async function rows(
  org: TestOrg,
  people: TestPerson[],
  weeks: Record<string, (Omit<InsightWeekFigures, "weekStart"> | null)[]>,
) {
  for (const [i, person] of people.entries()) {
    const own = Object.entries(weeks).flatMap(([weekStart, figures]) => {
      const mine = figures[i];
      return mine ? [{ weekStart, ...mine }] : [];
    });
    if (own.length > 0) await buildInsightWeeks(env, { org, personId: person.person.id, weeks: own });
  }
}

/**
 * A team of five (the manager leads it, four members) with two ordinary weeks for everyone, and the
 * week before with four rows only: too few to show. Five more people work outside any team, so the
 * whole organisation (14), which HR and admins see too, is not the team plus fewer than 5.
 */
async function teamOfFive(org: TestOrg) {
  await newPeople(org, 5);
  const members = await newPeople(org, 4);
  const team = await teamOf(env, org, "Platform", members, org.manager);
  const people = [org.manager, ...members];
  await rows(org, people, {
    [weeksAgo(3)]: [null, { meetingHours: 1 }, { meetingHours: 1 }, { meetingHours: 1 }, { meetingHours: 1 }],
    [weeksAgo(2)]: [
      { meetingHours: 16 },
      { meetingHours: 20 },
      { meetingHours: 5 },
      { meetingHours: 6 },
      { meetingHours: 7 },
    ],
    [weeksAgo(1)]: [
      {
        meetingHours: 16,
        focusHours: 1,
        afterHoursMeetingHours: 0,
        pulse: 1,
        checkinsDue: 2,
        checkinsAnswered: 0,
      },
      {
        meetingHours: 22,
        focusHours: 2,
        afterHoursMeetingHours: 0,
        pulse: 2,
        checkinsDue: 2,
        checkinsAnswered: 1,
      },
      {
        meetingHours: 4,
        focusHours: 3,
        afterHoursMeetingHours: 1,
        pulse: 3,
        checkinsDue: 2,
        checkinsAnswered: 2,
        focusShortDays: 3,
        replyLatencyHours: 2,
      },
      {
        meetingHours: 8,
        focusHours: 4,
        afterHoursMeetingHours: 2,
        pulse: 4,
        checkinsDue: 2,
        checkinsAnswered: 2,
        replyLatencyHours: 4,
      },
      {
        meetingHours: 10,
        focusHours: 10,
        afterHoursMeetingHours: 3,
        pulse: 5,
        checkinsDue: 2,
        checkinsAnswered: 1,
        replyLatencyHours: 6,
      },
    ],
  });
  return { team, members };
}

describe("GET /api/v1/insights/teams/:id", () => {
  it("gives medians and 75th percentiles per week from 5 people, leaving out weeks with fewer rows", async () => {
    const org = await makeOrg(env);
    const { team } = await teamOfFive(org);
    for (const who of ["manager", "hr", "admin", "owner"] as const) {
      const res = await get(env, teamUrl(team.id), org[who]);
      expect({ who, status: res.statusCode }).toEqual({ who, status: 200 });
      const view = res.json();
      expect(view.team).toEqual({ id: team.id, name: "Platform", people: 5 });
      expect(view.suppressed).toBe(false);
      expect(view.minGroupSize).toBe(5);
      expect(view.weeks.map((w: { weekStart: string }) => w.weekStart)).toEqual([weeksAgo(2), weeksAgo(1)]);
      expect(view.weeks[0].meetingHours).toEqual({ median: 7, p75: 16 });
      expect(view.weeks[1]).toEqual({
        weekStart: weeksAgo(1),
        people: 5,
        meetingHours: { median: 10, p75: 16 },
        focusHours: { median: 3, p75: 4 },
        fragmentedHours: { median: 2, p75: 2 },
        afterHoursMeetingHours: { median: 1, p75: 2 },
        burdenPoints: { median: 0, p75: 0 },
        // Only three people waited for replies: no figure.
        checkinParticipation: { median: 0.5, p75: 1 },
        pulse: { median: 3, p75: 4 },
        meetingHoursDistribution: [1, 1, 1, 1, 1],
      });
    }
  });

  it("counts alerts per kind over the team, never saying whose", async () => {
    const org = await makeOrg(env);
    const { team } = await teamOfFive(org);
    const view = (await get(env, teamUrl(team.id), org.manager)).json();
    // The lead and the first member were over the 15 h budget two weeks running; one had 3 short focus days.
    expect(view.alerts).toEqual([
      { kind: "overload", count: 2 },
      { kind: "focus_deficit", count: 1 },
    ]);
  });

  it("shows a team of 4 only as suppressed, to its lead, HR and admins alike (no weeks, no alerts)", async () => {
    const org = await makeOrg(env);
    const members = await newPeople(org, 3);
    const team = await teamOf(env, org, "Small", members, org.manager);
    for (const person of [org.manager, ...members])
      await buildInsightWeeks(env, {
        org,
        personId: person.person.id,
        weeks: [1, 2, 3].map((n) => ({ weekStart: weeksAgo(n), meetingHours: 30 })),
      });
    for (const who of ["manager", "hr", "admin", "owner"] as const) {
      const res = await get(env, teamUrl(team.id), org[who]);
      expect({ who, status: res.statusCode, body: res.json() }).toEqual({
        who,
        status: 200,
        body: { team: { id: team.id, name: "Small", people: 4 }, minGroupSize: 5, suppressed: true },
      });
    }
  });

  it("hides a team of 5 once the organisation raises its minimum group size to 6", async () => {
    const org = await makeOrg(env);
    const { team } = await teamOfFive(org);
    const raise = await call(env, "PUT", "/api/v1/organisation/privacy", {
      as: org.admin.caller,
      body: { minGroupSize: 6, minTextGroupSize: 10 },
    });
    expect(raise.statusCode).toBe(200);
    const view = (await get(env, teamUrl(team.id), org.hr)).json();
    expect(view).toEqual({
      team: { id: team.id, name: "Platform", people: 5 },
      minGroupSize: 6,
      suppressed: true,
    });
  });

  it("is refused to members and to leads of other teams, and unknown elsewhere", async () => {
    const org = await makeOrg(env);
    const { team, members } = await teamOfFive(org);
    const otherLead = await org.add("manager");
    await teamOf(env, org, "Other", await newPeople(org, 5), otherLead);
    for (const person of [org.member, members[0] as TestPerson, otherLead]) {
      const res = await get(env, teamUrl(team.id), person);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe(
        "Only the team's leads, owners, admins or HR may see this team's insights",
      );
    }
    const foreign = await makeOrg(env);
    expect((await get(env, teamUrl(team.id), foreign.admin)).statusCode).toBe(404);
    const unknown = await get(env, teamUrl(randomUUID()), org.admin);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe("Team not found");
  });

  it("refuses a backwards period in a sentence, even for a suppressed team", async () => {
    const org = await makeOrg(env);
    const team = await teamOf(env, org, "Tiny", [org.member]);
    const res = await get(env, teamUrl(team.id, `?from=${weeksAgo(1)}&to=${weeksAgo(3)}`), org.hr);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^To must not be before from/);
  });
});

describe("GET /api/v1/insights/organisation", () => {
  /**
   * Alpha: six people with two weeks of rows (meeting hours the same both weeks, focus 1–12 across
   * them, a pulse from five, a reply time from four); Beta: three people, suppressed.
   */
  async function alphaAndBeta(org: TestOrg) {
    const alpha = await newPeople(org, 6);
    const beta = await newPeople(org, 3);
    const alphaTeam = await teamOf(env, org, "Alpha", alpha);
    const betaTeam = await teamOf(env, org, "Beta", beta);
    const hours = [2, 4, 6, 8, 10, 30];
    await rows(org, alpha, {
      [weeksAgo(2)]: hours.map((h, i) => ({
        meetingHours: h,
        focusHours: i + 1,
        ...(i < 5 ? { pulse: i + 1 } : {}),
        ...(i < 4 ? { replyLatencyHours: 1 } : {}),
      })),
      [weeksAgo(1)]: hours.map((h, i) => ({ meetingHours: h, focusHours: i + 7 })),
    });
    await rows(org, beta, {
      [weeksAgo(1)]: [{ meetingHours: 40 }, { meetingHours: 40 }, { meetingHours: 40 }],
    });
    return { alphaTeam, betaTeam };
  }

  it("gives each team's figures over the period's person-weeks, and only the size of a team under 5", async () => {
    const org = await makeOrg(env);
    const { alphaTeam, betaTeam } = await alphaAndBeta(org);
    for (const who of ["hr", "admin", "owner"] as const) {
      const res = await get(env, organisationUrl(`?from=${weeksAgo(2)}&to=${weeksAgo(1)}`), org[who]);
      expect({ who, status: res.statusCode }).toEqual({ who, status: 200 });
      const view = res.json();
      // Whole weeks: Monday of the first to Sunday of the last.
      expect(view).toMatchObject({ groupBy: "team", from: weeksAgo(2), to: "2026-11-15" });
      expect(view.minGroupSize).toBe(5);
      expect(view.groups).toEqual([
        {
          key: alphaTeam.id,
          label: "Alpha",
          people: 6,
          suppressed: false,
          // Twelve person-weeks: 2, 2, 4, 4, 6, 6, 8, 8, 10, 10, 30, 30.
          meetingHours: { median: 7, p75: 10 },
          // 1 … 12.
          focusHours: { median: 6.5, p75: 9.25 },
          fragmentedHours: { median: 2, p75: 2 },
          afterHoursMeetingHours: { median: 0, p75: 0 },
          burdenPoints: { median: 0, p75: 0 },
          pulse: { median: 3, p75: 4 },
          // People by their average weekly meeting hours.
          meetingHoursDistribution: [2, 2, 1, 0, 1],
        },
        { key: betaTeam.id, label: "Beta", people: 3, suppressed: true },
      ]);
    }
  });

  it("breaks the organisation down by home zone, a zone under 5 shown by its size alone", async () => {
    const org = await makeOrg(env);
    // Twelve in London (the five of the organisation, seven more), three in Kolkata; nobody in a team.
    const london = await newPeople(org, 7);
    const kolkata = await newPeople(org, 3, "Asia/Kolkata");
    await rows(org, london, { [weeksAgo(1)]: [1, 2, 3, 4, 5, 6, 7].map((h) => ({ meetingHours: h })) });
    await rows(org, kolkata, { [weeksAgo(1)]: [9, 9, 9].map((h) => ({ meetingHours: h })) });
    // The whole organisation (15) and London (12) differ by the three in Kolkata: refused.
    const refused = await get(env, organisationUrl("?groupBy=timeZone"), org.hr);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe("privacy_threshold");
    expect(refused.json().error.message).toMatch(
      /^The whole organisation and the people in Europe\/London differ by 3 people, fewer than the minimum group size of 5/,
    );
    // Two more in Kolkata: five there, a group of its own.
    const more = await newPeople(org, 2, "Asia/Kolkata");
    await rows(org, more, { [weeksAgo(1)]: [{ meetingHours: 9 }, { meetingHours: 9 }] });
    const view = (await get(env, organisationUrl("?groupBy=timeZone"), org.hr)).json();
    expect(
      view.groups.map((g: { key: string; people: number; meetingHours?: unknown }) => [
        g.key,
        g.people,
        g.meetingHours,
      ]),
    ).toEqual([
      ["Asia/Kolkata", 5, { median: 9, p75: 9 }],
      ["Europe/London", 12, { median: 4, p75: 5.5 }],
    ]);
  });

  it("refuses a breakdown that is not team or timeZone, a team of another organisation and a backwards period", async () => {
    const org = await makeOrg(env);
    const foo = await get(env, organisationUrl("?groupBy=foo"), org.hr);
    expect(foo.statusCode).toBe(400);
    expect(foo.json().error.message).toMatch(/must be team or timeZone/);
    const foreign = await makeOrg(env);
    const theirs = await teamOf(env, foreign, "Theirs", [foreign.member]);
    const notOurs = await get(env, organisationUrl(`?teamId=${theirs.id}`), org.hr);
    expect(notOurs.statusCode).toBe(400);
    expect(notOurs.json().error.message).toMatch(/^Team: no such team in your organisation/);
    const backwards = await get(env, organisationUrl("?from=2026-11-10&to=2026-11-01"), org.admin);
    expect(backwards.statusCode).toBe(400);
    const long = await get(env, organisationUrl("?from=2025-10-01&to=2026-11-01"), org.admin);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toMatch(/371 days/);
  });

  it("is for HR and admins only", async () => {
    const org = await makeOrg(env);
    for (const who of ["manager", "member"] as const) {
      const res = await get(env, organisationUrl(), org[who]);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe("Only owners, admins or HR may see the organisation's insights");
    }
  });
});
