import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utc } from "../../../test/support/time";
import { addDays, dateToEpochDay, epochDayToDate, instantToLocal, localToInstant, MINUTE_MS } from "../time";
import { occurrences, type SeriesInput, seriesTooLong } from "./recurrence";

const series = (input: Partial<SeriesInput> & Pick<SeriesInput, "start" | "frequency">): SeriesInput => ({
  durationMinutes: 60,
  timeZone: "Europe/London",
  max: 52,
  ...input,
});
const starts = (input: SeriesInput) => occurrences(input).map((o) => o.start);
const localDates = (input: SeriesInput) => starts(input).map((s) => instantToLocal(input.timeZone, s).date);

describe("occurrences: weekly and biweekly keep the wall clock across DST", () => {
  it("stays at 09:00 in Europe/London through the March change", () => {
    const input = series({ start: utc(2026, 3, 16, 9), frequency: "weekly", count: 4 });
    expect(occurrences(input)).toEqual([
      { start: utc(2026, 3, 16, 9), end: utc(2026, 3, 16, 10) },
      { start: utc(2026, 3, 23, 9), end: utc(2026, 3, 23, 10) },
      { start: utc(2026, 3, 30, 8), end: utc(2026, 3, 30, 9) },
      { start: utc(2026, 4, 6, 8), end: utc(2026, 4, 6, 9) },
    ]);
  });

  it("stays at 09:00 in Europe/London through the October change", () => {
    const input = series({ start: utc(2026, 10, 19, 8), frequency: "weekly", count: 3 });
    expect(starts(input)).toEqual([utc(2026, 10, 19, 8), utc(2026, 10, 26, 9), utc(2026, 11, 2, 9)]);
  });

  it("steps 14 local days for biweekly", () => {
    const input = series({ start: utc(2026, 3, 19, 9, 30), frequency: "biweekly", count: 3 });
    expect(starts(input)).toEqual([utc(2026, 3, 19, 9, 30), utc(2026, 4, 2, 8, 30), utc(2026, 4, 16, 8, 30)]);
  });

  it("moves a wall time the clock skips forward by the gap, then returns to it", () => {
    // 02:30 in New York does not exist on 8 March 2026: that meeting is at 03:30 EDT.
    const input = series({
      start: utc(2026, 3, 1, 7, 30),
      frequency: "weekly",
      count: 3,
      timeZone: "America/New_York",
    });
    expect(starts(input)).toEqual([utc(2026, 3, 1, 7, 30), utc(2026, 3, 8, 7, 30), utc(2026, 3, 15, 6, 30)]);
  });

  it("lasts the same real time each meeting, even across a change", () => {
    const input = series({
      start: utc(2026, 3, 22, 0, 30),
      frequency: "weekly",
      count: 2,
      durationMinutes: 90,
    });
    for (const o of occurrences(input)) expect(o.end - o.start).toBe(90 * MINUTE_MS);
  });
});

describe("occurrences: monthly by weekday", () => {
  it("keeps the 2nd Tuesday", () => {
    const input = series({ start: utc(2026, 1, 13, 10), frequency: "monthly", count: 4 });
    expect(localDates(input)).toEqual(["2026-01-13", "2026-02-10", "2026-03-10", "2026-04-14"]);
    expect(starts(input)[3]).toBe(utc(2026, 4, 14, 9)); // 10:00 BST
  });

  it("takes the last such weekday when the first meeting is on a 5th one", () => {
    const tuesday = series({ start: utc(2026, 3, 31, 9), frequency: "monthly", count: 4 });
    expect(localDates(tuesday)).toEqual(["2026-03-31", "2026-04-28", "2026-05-26", "2026-06-30"]);
    const thursday = series({ start: utc(2026, 1, 29, 15), frequency: "monthly", count: 4 });
    expect(localDates(thursday)).toEqual(["2026-01-29", "2026-02-26", "2026-03-26", "2026-04-30"]);
  });

  it("keeps a 4th weekday the 4th, not the last", () => {
    const input = series({ start: utc(2026, 1, 22, 9), frequency: "monthly", count: 2 });
    expect(localDates(input)).toEqual(["2026-01-22", "2026-02-26"]); // 4th Thursdays
    const april = series({ start: utc(2026, 4, 23, 8), frequency: "monthly", count: 2 });
    expect(localDates(april)).toEqual(["2026-04-23", "2026-05-28"]);
  });

  it("crosses a year end", () => {
    const input = series({ start: utc(2026, 12, 8, 9), frequency: "monthly", count: 2 });
    expect(localDates(input)).toEqual(["2026-12-08", "2027-01-12"]);
  });
});

describe("occurrences: count, until and max", () => {
  const monday = utc(2026, 6, 1, 8); // Monday 1 June 2026, 09:00 BST

  it("stops at the last date on or before until, inclusive", () => {
    expect(localDates(series({ start: monday, frequency: "weekly", until: "2026-06-15" }))).toEqual([
      "2026-06-01",
      "2026-06-08",
      "2026-06-15",
    ]);
    expect(starts(series({ start: monday, frequency: "weekly", until: "2026-06-14" }))).toHaveLength(2);
    expect(starts(series({ start: monday, frequency: "weekly", until: "2026-05-31" }))).toEqual([]);
  });

  it("reads until as a date in the series' zone", () => {
    // 08:00 on Monday in Auckland is Sunday 20:00 UTC: until Monday 15 June keeps the meeting of the 15th.
    const auckland = series({
      start: utc(2026, 5, 31, 20),
      frequency: "weekly",
      until: "2026-06-15",
      timeZone: "Pacific/Auckland",
    });
    expect(localDates(auckland)).toEqual(["2026-06-01", "2026-06-08", "2026-06-15"]);
  });

  it("never gives more than max, and says when a series is too long", () => {
    const long = series({ start: monday, frequency: "weekly", count: 60 });
    expect(occurrences(long)).toHaveLength(52);
    expect(seriesTooLong(long)).toBe(true);
    expect(seriesTooLong({ ...long, count: 52 })).toBe(false);
    expect(seriesTooLong(series({ start: monday, frequency: "weekly", until: "2027-06-01" }))).toBe(true);
    expect(seriesTooLong(series({ start: monday, frequency: "weekly", until: "2026-12-31" }))).toBe(false);
    expect(seriesTooLong(series({ start: monday, frequency: "monthly" }))).toBe(true);
  });

  it("stops at whichever of count and until comes first", () => {
    expect(
      starts(series({ start: monday, frequency: "weekly", count: 2, until: "2026-12-31" })),
    ).toHaveLength(2);
    expect(
      starts(series({ start: monday, frequency: "weekly", count: 9, until: "2026-06-08" })),
    ).toHaveLength(2);
  });
});

describe("occurrences: properties", () => {
  const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  /** 1 for the first such weekday of its month … 5 for a fifth. */
  const ordinalOf = (date: string) => Math.floor((Number(date.slice(8, 10)) - 1) / 7) + 1;
  const zones = ["Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Auckland", "Pacific/Chatham"];
  const arbitrary = fc.record({
    timeZone: fc.constantFrom(...zones),
    day: fc.integer({ min: dateToEpochDay("2020-01-01"), max: dateToEpochDay("2030-12-31") }),
    // Working hours: no zone here skips or repeats a wall time between 06:00 and 21:00.
    minute: fc.integer({ min: 6 * 60, max: 21 * 60 }),
    frequency: fc.constantFrom("weekly" as const, "biweekly" as const, "monthly" as const),
    count: fc.integer({ min: 1, max: 40 }),
    max: fc.integer({ min: 1, max: 52 }),
  });

  it("keeps the first meeting's wall time and weekday, respects count and max, and moves forward", () => {
    fc.assert(
      fc.property(arbitrary, ({ timeZone, day, minute, frequency, count, max }) => {
        const start = localToInstant(timeZone, epochDayToDate(day), minute);
        const input = { start, durationMinutes: 30, timeZone, frequency, count, max };
        const list = occurrences(input);
        expect(list).toHaveLength(Math.min(count, max));
        expect(list[0]?.start).toBe(start);
        const firstLocal = instantToLocal(timeZone, start);
        list.forEach((o, i) => {
          const local = instantToLocal(timeZone, o.start);
          expect(local.minutes).toBe(firstLocal.minutes);
          expect(local.weekday).toBe(firstLocal.weekday);
          if (frequency !== "monthly")
            expect(local.date).toBe(addDays(firstLocal.date, i * (frequency === "weekly" ? 7 : 14)));
          else {
            expect(monthIndex(local.date)).toBe(monthIndex(firstLocal.date) + i);
            const ordinal = ordinalOf(firstLocal.date);
            if (ordinal < 5) expect(ordinalOf(local.date)).toBe(ordinal);
            else expect(monthIndex(addDays(local.date, 7))).toBe(monthIndex(local.date) + 1);
          }
          const previous = list[i - 1];
          if (previous) expect(o.start).toBeGreaterThan(previous.start);
        });
      }),
    );
  });
});
