import { describe, expect, it } from "vitest";
import { utc, weekdays } from "../../../test/support/time";
import { totalDuration } from "./intervals";
import { personDateRangeToInterval } from "./local-date";
import type { Interval, WeekPattern } from "./types";
import { isWorkingAt, workingIntervals } from "./working-time";

const H = 3_600_000;
const span = (start: number, end: number): Interval => ({ start, end });
const nineToFiveThirty = { start: "09:00", end: "17:30" };
const everyDay = (start: string, end: string): WeekPattern => ({
  ...weekdays(start, end),
  sat: [{ start, end }],
  sun: [{ start, end }],
});
const day = (y: number, mo: number, d: number): Interval => span(utc(y, mo, d), utc(y, mo, d + 1));

describe("workingIntervals across DST changes", () => {
  it("keeps a London 09:00–17:30 day at 8.5 h on both change days", () => {
    const person = { timeZone: "Europe/London", week: everyDay("09:00", "17:30") };
    expect(workingIntervals(person, day(2026, 3, 29))).toEqual([
      span(utc(2026, 3, 29, 8), utc(2026, 3, 29, 16, 30)),
    ]);
    expect(workingIntervals(person, day(2026, 10, 25))).toEqual([
      span(utc(2026, 10, 25, 9), utc(2026, 10, 25, 17, 30)),
    ]);
  });

  it("makes 00:00–04:00 three hours on spring-forward day and five on fall-back day", () => {
    const person = { timeZone: "Europe/London", week: { sun: [{ start: "00:00", end: "04:00" }] } };
    const spring = workingIntervals(person, span(utc(2026, 3, 28), utc(2026, 3, 30)));
    expect(spring).toEqual([span(utc(2026, 3, 29, 0), utc(2026, 3, 29, 3))]);
    const autumn = workingIntervals(person, span(utc(2026, 10, 24), utc(2026, 10, 26)));
    expect(autumn).toEqual([span(utc(2026, 10, 24, 23), utc(2026, 10, 25, 4))]);
    expect(totalDuration(autumn)).toBe(5 * H);
  });

  it("moves a span starting in the gap forward and takes the first occurrence in the repeat", () => {
    const person = { timeZone: "Europe/London", week: { sun: [{ start: "01:30", end: "03:00" }] } };
    expect(workingIntervals(person, day(2026, 3, 29))).toEqual([
      span(utc(2026, 3, 29, 1, 30), utc(2026, 3, 29, 2)),
    ]);
    const repeat = { timeZone: "Europe/London", week: { sun: [{ start: "01:30", end: "02:00" }] } };
    expect(workingIntervals(repeat, day(2026, 10, 25))).toEqual([
      span(utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 2)),
    ]);
  });

  it("shifts New York working hours in UTC when the clocks change", () => {
    const person = {
      timeZone: "America/New_York",
      week: { mon: [nineToFiveThirty], fri: [nineToFiveThirty] },
    };
    expect(workingIntervals(person, span(utc(2026, 3, 6), utc(2026, 3, 10)))).toEqual([
      span(utc(2026, 3, 6, 14), utc(2026, 3, 6, 22, 30)),
      span(utc(2026, 3, 9, 13), utc(2026, 3, 9, 21, 30)),
    ]);
    expect(workingIntervals(person, span(utc(2026, 10, 30), utc(2026, 11, 3)))).toEqual([
      span(utc(2026, 10, 30, 13), utc(2026, 10, 30, 21, 30)),
      span(utc(2026, 11, 2, 14), utc(2026, 11, 2, 22, 30)),
    ]);
  });

  it("handles Sydney's April and October changes", () => {
    const person = { timeZone: "Australia/Sydney", week: weekdays("09:00", "17:00") };
    expect(workingIntervals(person, span(utc(2026, 4, 2, 12), utc(2026, 4, 6, 12)))).toEqual([
      span(utc(2026, 4, 2, 22), utc(2026, 4, 3, 6)),
      span(utc(2026, 4, 5, 23), utc(2026, 4, 6, 7)),
    ]);
    expect(workingIntervals(person, span(utc(2026, 10, 1, 12), utc(2026, 10, 5, 12)))).toEqual([
      span(utc(2026, 10, 1, 23), utc(2026, 10, 2, 7)),
      span(utc(2026, 10, 4, 22), utc(2026, 10, 5, 6)),
    ]);
  });

  it("handles Pacific/Chatham's 45-minute offsets and its 02:45/03:45 changes", () => {
    const person = { timeZone: "Pacific/Chatham", week: { sun: [{ start: "02:00", end: "05:00" }] } };
    const april = workingIntervals(person, span(utc(2026, 4, 3), utc(2026, 4, 6)));
    expect(april).toEqual([span(utc(2026, 4, 4, 12, 15), utc(2026, 4, 4, 16, 15))]);
    const september = workingIntervals(person, span(utc(2026, 9, 25), utc(2026, 9, 28)));
    expect(september).toEqual([span(utc(2026, 9, 26, 13, 15), utc(2026, 9, 26, 15, 15))]);
  });

  it("uses +05:30 in Asia/Kolkata all year", () => {
    const person = { timeZone: "Asia/Kolkata", week: { sun: [{ start: "10:00", end: "18:30" }] } };
    expect(workingIntervals(person, day(2026, 3, 29))).toEqual([
      span(utc(2026, 3, 29, 4, 30), utc(2026, 3, 29, 13)),
    ]);
    expect(workingIntervals(person, day(2026, 10, 25))).toEqual([
      span(utc(2026, 10, 25, 4, 30), utc(2026, 10, 25, 13)),
    ]);
  });
});

describe("workingIntervals shape", () => {
  it("ends 24:00 at the next local midnight, also on the eve of a change", () => {
    const person = { timeZone: "Europe/London", week: { sat: [{ start: "20:00", end: "24:00" }] } };
    expect(workingIntervals(person, span(utc(2026, 10, 24), utc(2026, 10, 26)))).toEqual([
      span(utc(2026, 10, 24, 19), utc(2026, 10, 24, 23)),
    ]);
    expect(workingIntervals(person, span(utc(2026, 3, 28), utc(2026, 3, 30)))).toEqual([
      span(utc(2026, 3, 28, 20), utc(2026, 3, 29, 0)),
    ]);
  });

  it("joins spans that meet at midnight, across a spring-forward night too", () => {
    const week: WeekPattern = {
      mon: [{ start: "22:00", end: "24:00" }],
      tue: [{ start: "00:00", end: "06:00" }],
      sat: [{ start: "22:00", end: "24:00" }],
      sun: [{ start: "00:00", end: "06:00" }],
    };
    const person = { timeZone: "Europe/London", week };
    expect(workingIntervals(person, span(utc(2026, 6, 8), utc(2026, 6, 10)))).toEqual([
      span(utc(2026, 6, 8, 21), utc(2026, 6, 9, 5)),
    ]);
    expect(workingIntervals(person, span(utc(2026, 3, 28), utc(2026, 3, 30)))).toEqual([
      span(utc(2026, 3, 28, 22), utc(2026, 3, 29, 5)),
    ]);
  });

  it("gives nothing on days missing from a part-time week", () => {
    const week: WeekPattern = {
      mon: [{ start: "09:00", end: "13:00" }],
      wed: [{ start: "09:00", end: "17:00" }],
    };
    const result = workingIntervals(
      { timeZone: "Asia/Kolkata", week },
      span(utc(2026, 6, 7), utc(2026, 6, 14)),
    );
    expect(result).toEqual([
      span(utc(2026, 6, 8, 3, 30), utc(2026, 6, 8, 7, 30)),
      span(utc(2026, 6, 10, 3, 30), utc(2026, 6, 10, 11, 30)),
    ]);
    expect(totalDuration(result)).toBe(12 * H);
  });

  it("clips to the window and returns nothing for an empty window", () => {
    const person = { timeZone: "Europe/London", week: weekdays("09:00", "17:30") };
    expect(workingIntervals(person, span(utc(2026, 6, 8, 10), utc(2026, 6, 8, 12)))).toEqual([
      span(utc(2026, 6, 8, 10), utc(2026, 6, 8, 12)),
    ]);
    expect(workingIntervals(person, span(utc(2026, 6, 8, 10), utc(2026, 6, 8, 10)))).toEqual([]);
    expect(workingIntervals({ timeZone: "UTC", week: {} }, span(utc(2026, 6, 1), utc(2026, 7, 1)))).toEqual(
      [],
    );
  });

  it("sums four weeks of a full-time London pattern to 170 h across the March change", () => {
    const person = { timeZone: "Europe/London", week: weekdays("09:00", "17:30") };
    const result = workingIntervals(person, span(utc(2026, 3, 16), utc(2026, 4, 13)));
    expect(result).toHaveLength(20);
    expect(totalDuration(result)).toBe(20 * 8.5 * H);
  });
});

describe("zone changes and absences", () => {
  const londonNineToFive = { timeZone: "Europe/London", week: weekdays("09:00", "17:00") };

  it("follows a move from London to New York from its date", () => {
    const person = {
      ...londonNineToFive,
      zoneChanges: [{ from: "2026-06-10", timeZone: "America/New_York" }],
    };
    expect(workingIntervals(person, span(utc(2026, 6, 8), utc(2026, 6, 13)))).toEqual([
      span(utc(2026, 6, 8, 8), utc(2026, 6, 8, 16)),
      span(utc(2026, 6, 9, 8), utc(2026, 6, 9, 16)),
      span(utc(2026, 6, 10, 13), utc(2026, 6, 10, 21)),
      span(utc(2026, 6, 11, 13), utc(2026, 6, 11, 21)),
      span(utc(2026, 6, 12, 13), utc(2026, 6, 12, 21)),
    ]);
  });

  it("starts a zone change at local midnight of its date in the new zone, until the next change", () => {
    const person = {
      timeZone: "Europe/London",
      week: everyDay("00:00", "01:00"),
      zoneChanges: [
        { from: "2026-06-12", timeZone: "Europe/London" },
        { from: "2026-06-10", timeZone: "Asia/Kolkata" },
      ],
    };
    expect(workingIntervals(person, span(utc(2026, 6, 8), utc(2026, 6, 13)))).toEqual([
      span(utc(2026, 6, 8, 23), utc(2026, 6, 9, 0)),
      span(utc(2026, 6, 9, 18, 30), utc(2026, 6, 9, 19, 30)),
      span(utc(2026, 6, 10, 18, 30), utc(2026, 6, 10, 19, 30)),
      span(utc(2026, 6, 11, 23), utc(2026, 6, 12, 0)),
      span(utc(2026, 6, 12, 23), utc(2026, 6, 13, 0)),
    ]);
  });

  it("merges the overlap when travelling east overnight", () => {
    const person = {
      timeZone: "America/New_York",
      week: { mon: [{ start: "20:00", end: "24:00" }], tue: [{ start: "00:00", end: "04:00" }] },
      zoneChanges: [{ from: "2026-06-09", timeZone: "Europe/London" }],
    };
    expect(workingIntervals(person, span(utc(2026, 6, 8), utc(2026, 6, 10)))).toEqual([
      span(utc(2026, 6, 8, 23), utc(2026, 6, 9, 4)),
    ]);
  });

  it("subtracts absences given as instants or as local dates", () => {
    const week = weekdays("09:00", "17:30");
    const wednesday = personDateRangeToInterval({ timeZone: "Europe/London" }, "2026-06-10", "2026-06-10");
    const absences = [wednesday, span(utc(2026, 6, 9, 12), utc(2026, 6, 11, 10))];
    const person = { timeZone: "Europe/London", week, absences };
    expect(workingIntervals(person, span(utc(2026, 6, 8), utc(2026, 6, 13)))).toEqual([
      span(utc(2026, 6, 8, 8), utc(2026, 6, 8, 16, 30)),
      span(utc(2026, 6, 9, 8), utc(2026, 6, 9, 12)),
      span(utc(2026, 6, 11, 10), utc(2026, 6, 11, 16, 30)),
      span(utc(2026, 6, 12, 8), utc(2026, 6, 12, 16, 30)),
    ]);
  });
});

describe("isWorkingAt", () => {
  const person = { timeZone: "America/New_York", week: weekdays("09:00", "17:30") };

  it("is true inside working hours and false at the exclusive end", () => {
    expect(isWorkingAt(person, utc(2026, 3, 9, 13))).toBe(true);
    expect(isWorkingAt(person, utc(2026, 3, 6, 13))).toBe(false);
    expect(isWorkingAt(person, utc(2026, 3, 9, 21, 30))).toBe(false);
    expect(isWorkingAt(person, utc(2026, 3, 9, 21, 30) - 1)).toBe(true);
    expect(isWorkingAt(person, utc(2026, 3, 8, 15))).toBe(false);
  });

  it("is false during an absence", () => {
    const away = { ...person, absences: [span(utc(2026, 3, 9), utc(2026, 3, 10))] };
    expect(isWorkingAt(away, utc(2026, 3, 9, 15))).toBe(false);
  });
});
