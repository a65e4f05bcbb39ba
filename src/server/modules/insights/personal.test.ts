import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgreementVersion, buildInsightWeeks, buildTeam } from "../../../../test/support/build";
import { makeOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { addDays } from "../../../core/time";
import { systemClock } from "../../platform/clock";

// Wednesday 18 November 2026, noon in London (UTC then): this week starts Monday the 16th.
const NOW = new Date("2026-11-18T12:00:00Z");
const THIS_WEEK = "2026-11-16";
const weeksAgo = (n: number) => addDays(THIS_WEEK, -7 * n);

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
  env.deps.clock = { now: () => NOW };
});
afterAll(() => {
  env.deps.clock = systemClock;
});

const mine = (person: TestPerson, query = "") =>
  call(env, "GET", `/api/v1/insights/me${query}`, { as: person.caller });

describe("GET /api/v1/insights/me", () => {
  it("shows the viewer's own weeks of the period, optional figures only when the week has them", async () => {
    const org = await makeOrg(env);
    await buildInsightWeeks(env, {
      org,
      personId: org.member.person.id,
      weeks: [
        { weekStart: weeksAgo(3), meetingHours: 9.5 },
        {
          weekStart: weeksAgo(2),
          meetingHours: 12,
          focusHours: 6.25,
          replyLatencyHours: 3.5,
          checkinsDue: 3,
          checkinsAnswered: 2,
          pulse: 4,
          burdenPoints: 2,
        },
        { weekStart: weeksAgo(1), meetingHours: 8, afterHoursMeetingHours: 1.5 },
      ],
    });
    const res = await mine(org.member, `?from=${addDays(weeksAgo(2), 3)}&to=${addDays(weeksAgo(1), 6)}`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.timeZone).toBe("Europe/London");
    expect(view.budget).toEqual({ weeklyMeetingHours: 15, minDailyFocusHours: 2 });
    expect(view.weeks).toEqual([
      {
        weekStart: weeksAgo(2),
        meetingHours: 12,
        focusHours: 6.25,
        fragmentedHours: 2,
        fragmentCount: 4,
        afterHoursMeetingHours: 0,
        burdenPoints: 2,
        replyLatencyHours: 3.5,
        checkinParticipation: 0.67,
        pulse: 4,
        focusShortDays: 0,
      },
      {
        weekStart: weeksAgo(1),
        meetingHours: 8,
        focusHours: 12,
        fragmentedHours: 2,
        fragmentCount: 4,
        afterHoursMeetingHours: 1.5,
        burdenPoints: 0,
        focusShortDays: 0,
      },
    ]);
    expect(view.alerts).toEqual([]);
  });

  it("covers the last 12 weeks up to today when no period is given", async () => {
    const org = await makeOrg(env);
    await buildInsightWeeks(env, {
      org,
      personId: org.member.person.id,
      weeks: [12, 11, 0].map((n) => ({ weekStart: weeksAgo(n) })),
    });
    const view = (await mine(org.member)).json();
    expect(view.weeks.map((w: { weekStart: string }) => w.weekStart)).toEqual([weeksAgo(11), THIS_WEEK]);
  });

  it("is always the viewer's own: every role sees their rows alone, and no parameter names anyone else", async () => {
    const org = await makeOrg(env);
    const roles = ["owner", "admin", "hr", "manager", "member"] as const;
    for (const [i, who] of roles.entries())
      await buildInsightWeeks(env, {
        org,
        personId: org[who].person.id,
        weeks: [{ weekStart: weeksAgo(1), meetingHours: i + 1 }],
      });
    for (const [i, who] of roles.entries()) {
      const view = (await mine(org[who])).json();
      expect({ who, hours: view.weeks.map((w: { meetingHours: number }) => w.meetingHours) }).toEqual({
        who,
        hours: [i + 1],
      });
    }
    for (const param of ["personId", "person", "id", "as"]) {
      const res = await mine(org.hr, `?${param}=${org.member.person.id}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain(param);
    }
    const other = await call(env, "GET", `/api/v1/insights/me/${org.member.person.id}`, {
      as: org.admin.caller,
    });
    expect(other.statusCode).toBe(404);
  });

  it("raises alerts from at least 8 weeks of rows whatever the period, against the agreement's budget", async () => {
    const org = await makeOrg(env);
    await buildInsightWeeks(env, {
      org,
      personId: org.member.person.id,
      weeks: [
        { weekStart: weeksAgo(2), meetingHours: 18.5 },
        { weekStart: weeksAgo(1), meetingHours: 17 },
      ],
    });
    // Only last week asked for: the week before still counts towards "two weeks running".
    const view = (await mine(org.member, `?from=${weeksAgo(1)}&to=${addDays(weeksAgo(1), 6)}`)).json();
    expect(view.weeks.map((w: { weekStart: string }) => w.weekStart)).toEqual([weeksAgo(1)]);
    expect(view.alerts).toEqual([
      {
        kind: "overload",
        text: expect.stringContaining("15 h a week"),
        nextStep: expect.any(String),
        since: weeksAgo(2),
      },
    ]);
  });

  it("measures the budget against the agreement in effect: a tighter budget raises the alert sooner", async () => {
    const org = await makeOrg(env);
    await buildInsightWeeks(env, {
      org,
      personId: org.member.person.id,
      weeks: [
        { weekStart: weeksAgo(2), meetingHours: 12 },
        { weekStart: weeksAgo(1), meetingHours: 11 },
      ],
    });
    expect((await mine(org.member)).json().alerts).toEqual([]);
    await buildAgreementVersion(env, {
      org,
      rules: { meetingBudget: { weeklyHours: 10, dailyHours: 4 }, focus: { minDailyHours: 3 } },
    });
    const view = (await mine(org.member)).json();
    expect(view.budget).toEqual({ weeklyMeetingHours: 10, minDailyFocusHours: 3 });
    expect(view.alerts.map((a: { kind: string }) => a.kind)).toEqual(["overload"]);
  });

  it("weighs the time-zone burden against the viewer's team over 8 weeks", async () => {
    const org = await makeOrg(env);
    const [a, b, c] = [
      await org.add("member"),
      await org.add("member"),
      await org.add("member"),
    ] as TestPerson[];
    await buildTeam(env, {
      org,
      name: "Night shift",
      members: [org.member, a as TestPerson, b as TestPerson, c as TestPerson],
    });
    const points = async (person: TestPerson, weeks: number[]) =>
      buildInsightWeeks(env, {
        org,
        personId: person.person.id,
        weeks: weeks.map((p, i) => ({ weekStart: weeksAgo(7 - i), burdenPoints: p })),
      });
    // The member carries 16 of the team's 22 points: more than twice the fair share of 5.5.
    await points(org.member, [2, 2, 2, 2, 2, 2, 2, 2]);
    await points(a as TestPerson, [1, 1, 1, 1, 1, 1, 0, 0]);
    await points(b as TestPerson, [0, 0, 0, 0, 0, 0, 0, 0]);
    await points(c as TestPerson, [0, 0, 0, 0, 0, 0, 0, 0]);
    const view = (await mine(org.member, `?from=${weeksAgo(0)}`)).json();
    expect(view.alerts).toEqual([expect.objectContaining({ kind: "unfair_burden", since: weeksAgo(7) })]);
    expect((await mine(a as TestPerson)).json().alerts).toEqual([]);
  });

  it("refuses a period backwards, longer than a year and a week, or starting after today, in sentences", async () => {
    const org = await makeOrg(env);
    const backwards = await mine(org.member, `?from=${weeksAgo(1)}&to=${weeksAgo(2)}`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toMatch(/^To must not be before from/);
    const long = await mine(org.member, `?from=2025-01-01&to=2026-02-05`);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toMatch(/^To may be at most 371 days after from/);
    const future = await mine(org.member, `?from=${addDays(THIS_WEEK, 10)}`);
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toMatch(/^From must not be after to/);
    const longToToday = await mine(org.member, `?from=2025-01-01`);
    expect(longToToday.statusCode).toBe(400);
    expect(longToToday.json().error.message).toMatch(/^From may be at most 371 days before to/);
    const notADate = await mine(org.member, `?from=yesterday`);
    expect(notADate.statusCode).toBe(400);
  });
});
