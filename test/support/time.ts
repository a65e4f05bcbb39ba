import type { WeekPattern } from "../../src/core/time";

/** An instant from UTC calendar fields, the month counted from 1: utc(2026, 3, 29, 1) is 2026-03-29T01:00Z. */
export const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) =>
  Date.UTC(y, mo - 1, d, h, mi, s);

/** The same span on each day from Monday to Friday. */
export const weekdays = (start: string, end: string): WeekPattern => {
  const day = [{ start, end }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day };
};
