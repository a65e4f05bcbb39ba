import { beforeAll, describe, expect, it } from "vitest";
import { buildAbsence, buildCalendar } from "../../../../test/support/build";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { type Caller, call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { weekdays } from "../../../../test/support/time";
import type { WeekPattern } from "../../../contracts/week";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 7 December 2026, 00:00 UTC: a week with no clock change in London, Kolkata or New York. */
const MONDAY = Date.UTC(2026, 11, 7);
const iso = (ms: number) => new Date(ms).toISOString();

let env: TestEnv;
let org: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

const member = (timeZone: string, week = weekdays("09:00", "17:00")) =>
  org.add("member", { timeZone, workingPattern: week });
const person = async (timeZone: string, week?: WeekPattern) => (await member(timeZone, week)).person.id;

const slots = (body: Record<string, unknown>, as: Caller = org.member.caller) =>
  call(env, "POST", "/api/v1/scheduling/slots", { as, body });

const week = { from: iso(MONDAY), to: iso(MONDAY + 7 * DAY) };
interface SlotJson {
  start: string;
  end: string;
  score: number;
  attendees: { personId: string; free: boolean; inWorkingHours: boolean; localStart: string }[];
}

describe("POST /api/v1/scheduling/slots", () => {
  it("spreads suggestions an hour apart unless asked, and names each slot's blockers", async () => {
    const london = await person("Europe/London");
    const newYork = await person("America/New_York");
    const body = { attendees: [{ personId: london }], durationMinutes: 30, ...week, limit: 5 };
    const spread: SlotJson[] = (await slots(body)).json().slots;
    const starts = spread.map((s) => Date.parse(s.start)).sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++)
      expect((starts[i] as number) - (starts[i - 1] as number)).toBeGreaterThanOrEqual(HOUR);
    const together: SlotJson[] = (await slots({ ...body, spreadMinutes: 0 })).json().slots;
    expect(Date.parse(together[1]?.start ?? "") - Date.parse(together[0]?.start ?? "")).toBe(15 * 60_000);

    // New York is optional; a London morning is before New York's working hours.
    const mixed = await slots({
      attendees: [{ personId: london }, { personId: newYork, required: false }],
      durationMinutes: 30,
      from: iso(MONDAY + 9 * HOUR),
      to: iso(MONDAY + 9.5 * HOUR),
    });
    expect(mixed.json().slots[0].blockers).toEqual([
      { personId: newYork, reason: "before_hours", localTime: "04:00" },
    ]);
  });

  it("offers only the hours London, Kolkata and New York share, with each one's local start", async () => {
    // 09–17 London = 09–17 UTC; 12–20 Kolkata = 06:30–14:30 UTC; 08–16 New York = 13–21 UTC.
    const london = await person("Europe/London");
    const kolkata = await person("Asia/Kolkata", weekdays("12:00", "20:00"));
    const newYork = await person("America/New_York", weekdays("08:00", "16:00"));
    const ids = [london, kolkata, newYork];
    const res = await slots({
      attendees: ids.map((personId) => ({ personId })),
      durationMinutes: 30,
      ...week,
      limit: 100,
      spreadMinutes: 0,
    });
    expect(res.statusCode).toBe(200);
    const found: SlotJson[] = res.json().slots;
    // 13:00, 13:15 … 14:00 UTC on five weekdays.
    expect(found).toHaveLength(25);
    for (const slot of found) {
      const start = Date.parse(slot.start);
      const minuteOfDay = (start % DAY) / 60_000;
      expect(minuteOfDay).toBeGreaterThanOrEqual(13 * 60);
      expect(minuteOfDay).toBeLessThanOrEqual(14 * 60);
      expect(Date.parse(slot.end) - start).toBe(30 * 60_000);
      expect(slot.attendees.map((a) => a.personId)).toEqual(ids);
      expect(slot.attendees.every((a) => a.free && a.inWorkingHours)).toBe(true);
    }
    const monday13 = found.find((s) => s.start === "2026-12-07T13:00:00.000Z");
    expect(monday13?.attendees.map((a) => a.localStart)).toEqual([
      "2026-12-07T13:00",
      "2026-12-07T18:30",
      "2026-12-07T08:00",
    ]);
    const scores = found.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    // 09–17 everywhere: no shared hour, unless working hours become soft.
    const strict = [
      await person("Europe/London"),
      await person("Asia/Kolkata"),
      await person("America/New_York"),
    ];
    const body = { attendees: strict.map((personId) => ({ personId })), durationMinutes: 30, ...week };
    expect((await slots(body)).json().slots).toEqual([]);
    const soft: SlotJson[] = (await slots({ ...body, allowOutsideWorkingHours: true, limit: 5 })).json()
      .slots;
    expect(soft).toHaveLength(5);
    for (const slot of soft) expect(slot.attendees.some((a) => !a.inWorkingHours)).toBe(true);
  });

  it("removes the days of a required person's absence", async () => {
    const ann = await member("Europe/London");
    const bob = await person("Europe/London");
    await buildAbsence(env, { org, person: ann, start: "2026-12-08", end: "2026-12-09" });
    const res = await slots({
      attendees: [{ personId: ann.person.id }, { personId: bob }],
      durationMinutes: 60,
      ...week,
      limit: 100,
      spreadMinutes: 0,
    });
    const days = new Set((res.json().slots as SlotJson[]).map((s) => s.start.slice(0, 10)));
    expect([...days].sort()).toEqual(["2026-12-07", "2026-12-10", "2026-12-11"]);
  });

  it("steers around calendar busy time and scores optional people's conflicts lower", async () => {
    const next = Math.floor(Date.now() / DAY) + 7;
    const monday = (next - ((next + 3) % 7)) * DAY; // a Monday 1–7 days ahead, inside the calendar horizon
    const owner = await org.add("member", { timeZone: "UTC" });
    await buildCalendar(env, {
      org,
      person: owner,
      busy: [{ start: monday + 9 * HOUR, end: monday + 16 * HOUR }],
    });
    const busy = owner.person;
    const other = (await org.add("member", { timeZone: "UTC" })).person.id;
    const window = { from: iso(monday), to: iso(monday + DAY) };
    const required = await slots({
      attendees: [{ personId: busy.id }, { personId: other }],
      durationMinutes: 60,
      ...window,
      limit: 100,
      spreadMinutes: 0,
    });
    expect((required.json().slots as SlotJson[]).map((s) => s.start.slice(11, 16))).toEqual(["16:00"]);

    const optional = await slots({
      attendees: [{ personId: other }, { personId: busy.id, required: false }],
      durationMinutes: 60,
      ...window,
      limit: 100,
      spreadMinutes: 0,
    });
    const ranked: SlotJson[] = optional.json().slots;
    expect(ranked).toHaveLength(29); // 09:00 … 16:00 every 15 minutes, for the required person
    const best = ranked[0];
    const worst = ranked.at(-1);
    expect(best?.attendees[1]?.free).toBe(true);
    expect(worst?.attendees[1]?.free).toBe(false);
    expect(best?.score).toBeGreaterThan(worst?.score ?? 100);
  });

  it("answers 400 naming the field for each kind of bad query", async () => {
    const ann = await person("Europe/London");
    const good = { attendees: [{ personId: ann }], durationMinutes: 30, ...week };
    const cases: [Record<string, unknown>, string][] = [
      [{ durationMinutes: 0 }, "durationMinutes"],
      [{ durationMinutes: -30 }, "durationMinutes"],
      [{ durationMinutes: 8 * 60 + 1 }, "durationMinutes"],
      [{ to: week.from }, "to"],
      [{ from: week.to, to: week.from }, "to"],
      [{ to: iso(MONDAY + 367 * DAY) }, "to"],
      [{ attendees: [] }, "attendees"],
      [{ attendees: Array.from({ length: 1001 }, () => ({ personId: ann })) }, "attendees"],
      [{ attendees: [{ personId: ann }, { personId: ann }] }, "attendees[1].personId"],
      [{ from: "2026-13-01T00:00:00Z" }, "from"],
      [{ to: "next week" }, "to"],
      [
        { granularityMinutes: 5, to: iso(MONDAY + 366 * DAY), attendees: many(ann, 1000) },
        "granularityMinutes",
      ],
    ];
    for (const [change, field] of cases) {
      const res = await slots({ ...good, ...change });
      expect({ change, status: res.statusCode }).toEqual({ change, status: 400 });
      expect(res.json().error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
  });

  it("answers 404 for an unknown person and for another organisation's", async () => {
    const ann = await person("Europe/London");
    const foreign = await makeOrg(env);
    for (const stranger of [foreign.member.person.id, "00000000-0000-4000-8000-000000000000"]) {
      const res = await slots({
        attendees: [{ personId: ann }, { personId: stranger }],
        durationMinutes: 30,
        ...week,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe("not_found");
    }
  });
});

describe("the advisor's sync answer", () => {
  it("offers the best three times in the next week, everyone required", async () => {
    const participantIds = [
      await person("Europe/London"),
      await person("Asia/Kolkata", weekdays("12:00", "20:00")),
    ];
    const at = "2026-12-07T10:00:00Z";
    const res = await call(env, "POST", "/api/v1/advice", {
      as: org.member.caller,
      body: { purpose: "discuss", kind: "one_to_one", participantIds, at },
    });
    expect(res.statusCode).toBe(200);
    const { mode, next } = res.json().advice;
    expect(mode).toBe("sync");
    const offered: { start: string; end: string }[] = next.sync.slots;
    expect(offered).toHaveLength(3);
    for (const slot of offered) {
      const start = Date.parse(slot.start);
      expect(start).toBeGreaterThanOrEqual(Date.parse(at));
      expect(start).toBeLessThan(Date.parse(at) + 7 * DAY);
      // Shared working time: 09:00–14:30 UTC on weekdays.
      expect(start % DAY).toBeGreaterThanOrEqual(9 * HOUR);
      expect((Date.parse(slot.end) - 1) % DAY).toBeLessThan(14.5 * HOUR);
      expect(Date.parse(slot.end) - start).toBe(next.sync.durationMinutes * 60_000);
    }
    expect(offered[0]?.start).toBe("2026-12-07T10:00:00.000Z");

    const inform = await call(env, "POST", "/api/v1/advice", {
      as: org.member.caller,
      body: { purpose: "inform", participantIds, at },
    });
    expect(inform.json().advice.next.sync).toBeUndefined();
  });
});

function many(personId: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    personId: i === 0 ? personId : `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  }));
}
