import type { Weekday, WeekPattern } from "../../contracts/week";

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type Instant = number;

/** A half-open span of time `[start, end)` in epoch milliseconds (UTC). */
export interface Interval {
  start: Instant;
  end: Instant;
}

export { type LocalInterval, WEEKDAYS, type Weekday, type WeekPattern } from "../../contracts/week";

/** From local midnight of `from` (a `YYYY-MM-DD` date in the new zone) the person lives in `timeZone`. */
export interface ZoneChange {
  from: string;
  timeZone: string;
}

/** What the working-time functions need to know about a person. */
export interface WorkingTimeProfile {
  timeZone: string;
  week: WeekPattern;
  zoneChanges?: readonly ZoneChange[];
  /** Absences as UTC intervals, in any order. */
  absences?: readonly Interval[];
}

/** A position on a local wall clock. */
export interface LocalDateTime {
  /** `YYYY-MM-DD` */
  date: string;
  /** Whole minutes since local midnight, 0–1439. */
  minutes: number;
  weekday: Weekday;
  /** Offset from UTC in milliseconds in force at that instant (local = UTC + offset). */
  offsetMs: number;
}
