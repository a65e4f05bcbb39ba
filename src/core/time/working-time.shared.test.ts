import { describe, expect, it } from "vitest";
import { utc, weekdays } from "../../../test/support/time";
import { totalDuration } from "./intervals";
import type { Interval } from "./types";
import { addWorkingHours, sharedWorkingTime, workingIntervals } from "./working-time";

const H = 3_600_000;
const span = (start: number, end: number): Interval => ({ start, end });

describe("addWorkingHours", () => {
  const london = { timeZone: "Europe/London", week: weekdays("09:00", "17:30") };
  const june = workingIntervals(london, span(utc(2026, 6, 1), utc(2026, 7, 1)));

  it("carries the remainder over the weekend", () => {
    expect(addWorkingHours(june, utc(2026, 6, 12, 15, 30), 4)).toBe(utc(2026, 6, 15, 11));
  });

  it("starts at the next working interval when called outside working time", () => {
    expect(addWorkingHours(june, utc(2026, 6, 13, 12), 2)).toBe(utc(2026, 6, 15, 10));
    expect(addWorkingHours(june, utc(2026, 6, 12, 16, 30), 0.5)).toBe(utc(2026, 6, 15, 8, 30));
  });

  it("ends exactly at the end of an interval when the hours fit exactly", () => {
    expect(addWorkingHours(june, utc(2026, 6, 12, 8), 8.5)).toBe(utc(2026, 6, 12, 16, 30));
  });

  it("returns `from` for zero hours and null when the list runs out", () => {
    expect(addWorkingHours(june, utc(2026, 6, 13, 12), 0)).toBe(utc(2026, 6, 13, 12));
    expect(addWorkingHours(june, utc(2026, 6, 30, 8), 9)).toBeNull();
    expect(addWorkingHours([], utc(2026, 6, 30, 8), 1)).toBeNull();
  });

  it("rejects negative or non-finite hours", () => {
    expect(() => addWorkingHours(june, 0, -1)).toThrow(RangeError);
    expect(() => addWorkingHours(june, 0, Number.NaN)).toThrow(RangeError);
  });

  it("counts a 30-hour deadline across the March change in London", () => {
    const march = workingIntervals(london, span(utc(2026, 3, 23), utc(2026, 4, 6)));
    expect(addWorkingHours(march, utc(2026, 3, 26, 9), 25.5)).toBe(utc(2026, 3, 30, 16, 30));
    expect(addWorkingHours(march, utc(2026, 3, 26, 9), 30)).toBe(utc(2026, 3, 31, 12, 30));
  });
});

describe("sharedWorkingTime", () => {
  const london = { timeZone: "Europe/London", week: weekdays("09:00", "17:30") };
  const kolkata = { timeZone: "Asia/Kolkata", week: weekdays("12:00", "20:00") };
  const newYork = { timeZone: "America/New_York", week: weekdays("09:00", "17:30") };

  it("finds 13:00–14:30 UTC for London, Kolkata and New York in June", () => {
    const week = span(utc(2026, 6, 8), utc(2026, 6, 13));
    const shared = sharedWorkingTime([london, kolkata, newYork].map((p) => workingIntervals(p, week)));
    expect(shared).toHaveLength(5);
    expect(shared[0]).toEqual(span(utc(2026, 6, 8, 13), utc(2026, 6, 8, 14, 30)));
    expect(totalDuration(shared)).toBe(5 * 1.5 * H);
  });

  it("shrinks to 14:00–14:30 UTC in January when London and New York keep standard time", () => {
    const week = span(utc(2026, 1, 12), utc(2026, 1, 17));
    const shared = sharedWorkingTime([london, kolkata, newYork].map((p) => workingIntervals(p, week)));
    expect(shared[0]).toEqual(span(utc(2026, 1, 12, 14), utc(2026, 1, 12, 14, 30)));
    expect(totalDuration(shared)).toBe(5 * 0.5 * H);
  });

  it("widens London–New York overlap in the weeks when only New York has changed clocks", () => {
    const overlapPerDay = (from: number) => {
      const week = span(from, from + 5 * 24 * H);
      const shared = sharedWorkingTime([london, newYork].map((p) => workingIntervals(p, week)));
      return totalDuration(shared) / 5 / H;
    };
    expect(overlapPerDay(utc(2026, 3, 2))).toBe(3.5);
    expect(overlapPerDay(utc(2026, 3, 9))).toBe(4.5);
    expect(overlapPerDay(utc(2026, 3, 23))).toBe(4.5);
    expect(overlapPerDay(utc(2026, 3, 30))).toBe(3.5);
  });

  it("is empty for no lists and a copy for one", () => {
    expect(sharedWorkingTime([])).toEqual([]);
    const only = [span(1, 2), span(2, 5)];
    expect(sharedWorkingTime([only])).toEqual([span(1, 5)]);
  });
});
