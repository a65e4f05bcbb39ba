import { parseTimeOfDay } from "./dates";
import { type LocalInterval, WEEKDAYS, type Weekday, type WeekPattern } from "./types";

export interface PatternProblem {
  /** Where the problem is, e.g. `"week.mon[1]"` or `"week.mon[1].end"`. */
  path: string;
  message: string;
}

interface CheckedInterval {
  index: number;
  start: number;
  end: number;
}

function checkDay(day: Weekday, intervals: readonly LocalInterval[], problems: PatternProblem[]): void {
  const valid: CheckedInterval[] = [];
  intervals.forEach((interval, index) => {
    const path = `week.${day}[${index}]`;
    const start = parseTimeOfDay(interval.start);
    const end = parseTimeOfDay(interval.end, true);
    if (start === null) {
      problems.push({
        path: `${path}.start`,
        message: `${path}.start must be a time HH:MM from 00:00 to 23:59`,
      });
    }
    if (end === null) {
      problems.push({ path: `${path}.end`, message: `${path}.end must be a time HH:MM from 00:01 to 24:00` });
    }
    if (start === null || end === null) return;
    if (end <= start) {
      problems.push({
        path: `${path}.end`,
        message: `${path}.end (${interval.end}) must be after its start (${interval.start})`,
      });
      return;
    }
    valid.push({ index, start, end });
  });

  valid.sort((a, b) => a.start - b.start || a.index - b.index);
  let latest: CheckedInterval | undefined;
  for (const interval of valid) {
    if (latest && interval.start < latest.end) {
      const [earlier, later] = latest.index < interval.index ? [latest, interval] : [interval, latest];
      problems.push({
        path: `week.${day}[${later.index}]`,
        message: `week.${day}[${later.index}] overlaps week.${day}[${earlier.index}]`,
      });
    }
    if (!latest || interval.end > latest.end) latest = interval;
  }
}

/**
 * Problems in a weekly pattern: malformed times (`24:00` is allowed only as an end), an end not after
 * its start, and spans of one day that overlap (touching is fine). Empty when the pattern is valid.
 * Unknown keys and wrong types are left to the caller's schema.
 */
export function validateWeekPattern(week: WeekPattern): PatternProblem[] {
  const problems: PatternProblem[] = [];
  for (const day of WEEKDAYS) {
    const intervals = week[day];
    if (intervals) checkDay(day, intervals, problems);
  }
  return problems;
}

/** A copy with the days in week order and each day's spans sorted by start, then end. */
export function normalizeWeekPattern(week: WeekPattern): WeekPattern {
  const normalized: WeekPattern = {};
  for (const day of WEEKDAYS) {
    const intervals = week[day];
    if (!intervals) continue;
    normalized[day] = intervals
      .map((i) => ({ start: i.start, end: i.end }))
      .sort((a, b) => compareTimes(a.start, b.start) || compareTimes(a.end, b.end));
  }
  return normalized;
}

function compareTimes(a: string, b: string): number {
  return (parseTimeOfDay(a, true) ?? 0) - (parseTimeOfDay(b, true) ?? 0);
}
