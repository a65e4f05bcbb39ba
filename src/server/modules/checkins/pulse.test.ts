import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { addDays } from "../../../core/time";
import { answerRitual, buildPulseRitual, londonWeeks, type PulseRitual } from "./pulse.fixtures";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});

const pulseUrl = (ritual: PulseRitual, query = "") => `/api/v1/checkins/${ritual.checkin.id}/pulse${query}`;
const participationUrl = (ritual: PulseRitual, query = "") =>
  `/api/v1/checkins/${ritual.checkin.id}/participation${query}`;

/**
 * Two weeks of answers: two weeks ago four people rated (the member 2), last week five did (the
 * member 4). Everyone of the team but the member is a participant too.
 */
async function twoWeeks(org: TestOrg) {
  const ritual = await buildPulseRitual(env, org, 5);
  const { weeksAgo } = londonWeeks(env);
  const [member, p1, p2, p3, p4] = ritual.participants as [TestPerson, ...TestPerson[]];
  const early = addDays(weeksAgo(2), 1);
  const late = addDays(weeksAgo(1), 2);
  await answerRitual(env, ritual, member, early, { pulse: 2 });
  for (const [person, pulse] of [
    [p1, 5],
    [p2, 4],
    [p3, 4],
  ] as const)
    await answerRitual(env, ritual, person as TestPerson, early, { pulse });
  await answerRitual(env, ritual, p4 as TestPerson, early, null);
  await answerRitual(env, ritual, member, late, { pulse: 4 });
  for (const [person, pulse] of [
    [p1, 1],
    [p2, 3],
    [p3, 5],
    [p4, 5],
  ] as const)
    await answerRitual(env, ritual, person as TestPerson, late, { pulse });
  return { ritual, weeksAgo, p1: p1 as TestPerson };
}

describe("GET /api/v1/checkins/:id/pulse", () => {
  it("shows a week's average and distribution from 5 respondents, never for 4, to every role that reads it", async () => {
    const org = await makeOrg(env);
    const { ritual, weeksAgo } = await twoWeeks(org);
    for (const who of ["member", "manager", "hr", "admin", "owner"] as const) {
      const res = await call(env, "GET", pulseUrl(ritual), { as: org[who].caller });
      expect({ who, status: res.statusCode }).toEqual({ who, status: 200 });
      const view = res.json();
      expect(view.minGroupSize).toBe(5);
      expect(view.periods).toHaveLength(12);
      expect(view.periods.at(-1).start).toBe(weeksAgo(0));
      const four = view.periods.find((p: { start: string }) => p.start === weeksAgo(2));
      const five = view.periods.find((p: { start: string }) => p.start === weeksAgo(1));
      expect({ who, four }).toEqual({ who, four: { start: weeksAgo(2), respondents: 4 } });
      expect({ who, five }).toEqual({
        who,
        five: { start: weeksAgo(1), respondents: 5, average: 3.6, distribution: [1, 0, 1, 1, 2] },
      });
      for (const period of view.periods)
        if (period.start !== weeksAgo(1) && period.start !== weeksAgo(2))
          expect(period).toEqual({ start: period.start, respondents: 0 });
    }
  });

  it("gives `mine` as the viewer's own weekly averages only", async () => {
    const org = await makeOrg(env);
    const { ritual, weeksAgo, p1 } = await twoWeeks(org);
    const mine = async (person: TestPerson) =>
      (await call(env, "GET", pulseUrl(ritual), { as: person.caller })).json().mine;
    expect(await mine(org.member)).toEqual([
      { start: weeksAgo(2), average: 2 },
      { start: weeksAgo(1), average: 4 },
    ]);
    expect(await mine(p1)).toEqual([
      { start: weeksAgo(2), average: 5 },
      { start: weeksAgo(1), average: 1 },
    ]);
    for (const who of ["manager", "hr", "admin", "owner"] as const) expect(await mine(org[who])).toEqual([]);
  });

  it("hides a week of 5 once the organisation raises its minimum group size to 6", async () => {
    const org = await makeOrg(env);
    const { ritual, weeksAgo } = await twoWeeks(org);
    const raise = await call(env, "PUT", "/api/v1/organisation/privacy", {
      as: org.admin.caller,
      body: { minGroupSize: 6, minTextGroupSize: 10 },
    });
    expect(raise.statusCode).toBe(200);
    for (const who of ["manager", "admin", "owner"] as const) {
      const view = (await call(env, "GET", pulseUrl(ritual), { as: org[who].caller })).json();
      expect(view.minGroupSize).toBe(6);
      expect(view.periods.find((p: { start: string }) => p.start === weeksAgo(1))).toEqual({
        start: weeksAgo(1),
        respondents: 5,
      });
    }
  });

  it("takes a window of local dates, listing each week in it", async () => {
    const org = await makeOrg(env);
    const { ritual, weeksAgo } = await twoWeeks(org);
    const from = weeksAgo(2);
    const to = addDays(weeksAgo(1), 6);
    const view = (
      await call(env, "GET", pulseUrl(ritual, `?from=${from}&to=${to}`), { as: org.hr.caller })
    ).json();
    expect(view.periods.map((p: { start: string; respondents: number }) => [p.start, p.respondents])).toEqual(
      [
        [weeksAgo(2), 4],
        [weeksAgo(1), 5],
      ],
    );
    const onlyEarly = await call(env, "GET", pulseUrl(ritual, `?from=${from}&to=${addDays(from, 6)}`), {
      as: org.member.caller,
    });
    expect(onlyEarly.json().mine).toEqual([{ start: weeksAgo(2), average: 2 }]);
  });

  it("counts whole weeks only: a window cut mid-week cannot tell one day's answer from the week's", async () => {
    const org = await makeOrg(env);
    const ritual = await buildPulseRitual(env, org, 6);
    const { weeksAgo } = londonWeeks(env);
    const monday = weeksAgo(1);
    // Five answer on Monday, the sixth alone on Friday.
    for (const [i, person] of ritual.participants.entries())
      await answerRitual(env, ritual, person, addDays(monday, i < 5 ? 0 : 4), { pulse: i < 5 ? 4 : 1 });
    const periodsOf = async (query: string) =>
      (await call(env, "GET", pulseUrl(ritual, query), { as: org.hr.caller })).json().periods;
    const week = await periodsOf(`?from=${monday}&to=${addDays(monday, 6)}`);
    expect(week).toEqual([expect.objectContaining({ start: monday, respondents: 6, average: 3.5 })]);
    // Monday to Thursday would be the five without the sixth: it is the whole week again.
    expect(await periodsOf(`?from=${monday}&to=${addDays(monday, 3)}`)).toEqual(week);
    expect(await periodsOf(`?from=${addDays(monday, 4)}&to=${addDays(monday, 4)}`)).toEqual(week);
  });

  it("is refused to whoever does not read the ritual, and in other organisations", async () => {
    const org = await makeOrg(env);
    const ritual = await buildPulseRitual(env, org, 2);
    const outsider = await org.add("member");
    const manager = await org.add("manager");
    for (const person of [outsider, manager]) {
      const res = await call(env, "GET", pulseUrl(ritual), { as: person.caller });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe("Check-in not found");
    }
    const foreign = await makeOrg(env);
    for (const who of ["admin", "hr", "member"] as const)
      expect((await call(env, "GET", pulseUrl(ritual), { as: foreign[who].caller })).statusCode).toBe(404);
    expect((await call(env, "GET", pulseUrl(ritual))).statusCode).toBe(401);
  });

  it("answers 400 in words for a window the wrong way round or too long", async () => {
    const org = await makeOrg(env);
    const ritual = await buildPulseRitual(env, org, 1);
    const backwards = await call(env, "GET", pulseUrl(ritual, "?from=2025-03-10&to=2025-03-01"), {
      as: org.admin.caller,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toBe("To must not be before from");
    const long = await call(env, "GET", pulseUrl(ritual, "?from=2023-01-01&to=2025-03-01"), {
      as: org.admin.caller,
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toContain("To may be at most 366 days after from");
    const longFrom = await call(env, "GET", pulseUrl(ritual, "?from=2020-01-01"), { as: org.admin.caller });
    expect(longFrom.statusCode).toBe(400);
    expect(longFrom.json().error.message).toContain("From may be at most 366 days before to");
    const notADate = await call(env, "GET", pulseUrl(ritual, "?from=last-week"), { as: org.admin.caller });
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json().error.code).toBe("validation_failed");
  });
});

describe("GET /api/v1/checkins/:id/participation", () => {
  it("counts who was asked and who answered per local date; names the latest date's non-respondents to the lead and owner only", async () => {
    const org = await makeOrg(env);
    const { ritual, weeksAgo, p1 } = await twoWeeks(org);
    const { today } = londonWeeks(env);
    // Today: the member and p1 are asked, only p1 answers (a text answer counts as answering).
    await answerRitual(env, ritual, org.member, today, null);
    await answerRitual(env, ritual, p1, today, { text: "Shipped it" });
    const early = addDays(weeksAgo(2), 1);
    const late = addDays(weeksAgo(1), 2);
    const counts = [
      { localDate: early, participants: 5, answered: 4 },
      { localDate: late, participants: 5, answered: 5 },
      { localDate: today, participants: 2, answered: 1 },
    ];
    const named = [{ id: org.member.person.id, name: org.member.person.name }];
    for (const who of ["manager", "owner"] as const) {
      const res = await call(env, "GET", participationUrl(ritual), { as: org[who].caller });
      expect({ who, status: res.statusCode }).toEqual({ who, status: 200 });
      expect({ who, periods: res.json().periods }).toEqual({
        who,
        periods: [counts[0], counts[1], { ...counts[2], notAnswered: named }],
      });
    }
    for (const person of [org.member, p1, org.admin]) {
      const res = await call(env, "GET", participationUrl(ritual), { as: person.caller });
      expect(res.statusCode).toBe(200);
      expect(res.json().periods).toEqual(counts);
    }
    // HR reads team pulse by role, but not the ritual itself.
    expect((await call(env, "GET", participationUrl(ritual), { as: org.hr.caller })).statusCode).toBe(404);
  });

  it("narrows to a window, naming the non-respondents of its latest date", async () => {
    const org = await makeOrg(env);
    const { ritual, weeksAgo } = await twoWeeks(org);
    const early = addDays(weeksAgo(2), 1);
    const res = await call(env, "GET", participationUrl(ritual, `?from=${early}&to=${early}`), {
      as: org.manager.caller,
    });
    const p4 = ritual.participants[4] as TestPerson;
    expect(res.json().periods).toEqual([
      {
        localDate: early,
        participants: 5,
        answered: 4,
        notAnswered: [{ id: p4.person.id, name: p4.person.name }],
      },
    ]);
    const empty = await call(env, "GET", participationUrl(ritual, "?from=2024-01-01&to=2024-01-31"), {
      as: org.manager.caller,
    });
    expect(empty.json()).toEqual({ periods: [] });
  });
});
