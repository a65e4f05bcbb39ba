import { DAY_MS, type Instant, type Interval, WEEKDAYS, type Weekday } from "../time";
import { endsLate, INCONVENIENCE_WEIGHTS, startsEarly } from "./inconvenience";
import type { Attendee } from "./types";

/**
 * Every slot starts at `perfect` and loses a penalty per attendee, so slots differ by degrees:
 * - inconvenience points (early/late/outside, see `INCONVENIENCE_WEIGHTS`) × `inconveniencePoint`;
 * - `edge` × how close the slot comes to the edge of the working interval holding it (full at the edge,
 *   nothing from `edgeComfortMinutes` inside), or `outsideDepth` × how far outside working time it lies
 *   (full from `outsideDepthMinutes` away); these three are multiplied by `1 + burden / burdenScale`, so
 *   people who already carry a lot weigh more;
 * - `optionalBusy` for each optional attendee who is busy (required ones are never busy in a slot);
 * - `fragment` for each side of the slot that leaves a required attendee a free gap shorter than
 *   `fragmentBelowMinutes` (too short to use);
 * - `focus` × the fraction of the slot that overlaps the attendee's focus blocks;
 * - `budget` × how full the attendee's day would be against the agreement's daily meeting budget;
 * - `noMeetingDay` when the slot falls on one of the agreement's no-meeting days on their clock.
 */
export const SCORE_WEIGHTS = {
  perfect: 100,
  inconveniencePoint: 4,
  edge: 2,
  edgeComfortMinutes: 60,
  outsideDepth: 4,
  outsideDepthMinutes: 240,
  burdenScale: 10,
  optionalBusy: 10,
  fragment: 2,
  fragmentBelowMinutes: 30,
  focus: 3,
  budget: 3,
  noMeetingDay: 8,
} as const;

/** Query-wide inputs of the score: the agreement's rules that weigh on a slot. */
export interface ScoreRules {
  /** Daily meeting budget in milliseconds; 0 when none. */
  dailyBudgetMs: number;
}

/** What the scorer needs to know about one attendee and one candidate slot. */
export interface AttendeeFacts {
  free: boolean;
  inWorkingHours: boolean;
  /** Inside working hours: distance to the nearer edge of the interval; outside: distance to working time. */
  hoursDistanceMs: number;
  startOffsetMs: number;
  endOffsetMs: number;
  /** Sides (0–2) of the slot that leave a short free gap; counted for required attendees only. */
  fragments: number;
  /** Milliseconds of the slot inside focus blocks. */
  focusMs: number;
  /** Busy milliseconds on the attendee's local day of the slot's start. */
  dayBusyMs: number;
  /** The slot starts on one of the agreement's no-meeting days on the attendee's clock. */
  noMeetingDay: boolean;
}

const MINUTE = 60_000;

/** How much of the edge or outside-depth penalty a slot takes: 0 (comfortably inside) to 1. */
function hoursPressure(facts: AttendeeFacts): number {
  if (facts.inWorkingHours) {
    const comfort = SCORE_WEIGHTS.edgeComfortMinutes * MINUTE;
    return facts.hoursDistanceMs >= comfort ? 0 : (1 - facts.hoursDistanceMs / comfort) * SCORE_WEIGHTS.edge;
  }
  const depth = SCORE_WEIGHTS.outsideDepthMinutes * MINUTE;
  return Math.min(1, facts.hoursDistanceMs / depth) * SCORE_WEIGHTS.outsideDepth;
}

/** The penalty one attendee gives the slot `[start, end)`. Allocation-free: it runs per candidate × attendee. */
export function attendeePenalty(
  attendee: Attendee,
  facts: AttendeeFacts,
  start: Instant,
  end: Instant,
  rules: ScoreRules,
): number {
  let points = facts.inWorkingHours ? 0 : INCONVENIENCE_WEIGHTS.outside;
  if (startsEarly(start, facts.startOffsetMs)) points += INCONVENIENCE_WEIGHTS.early;
  if (endsLate(start, end, facts.startOffsetMs, facts.endOffsetMs)) points += INCONVENIENCE_WEIGHTS.late;
  const unburdened = points * SCORE_WEIGHTS.inconveniencePoint + hoursPressure(facts);
  let penalty = 0;
  if (unburdened > 0) penalty = unburdened * (1 + (attendee.burden ?? 0) / SCORE_WEIGHTS.burdenScale);
  if (attendee.required) penalty += facts.fragments * SCORE_WEIGHTS.fragment;
  else if (!facts.free) penalty += SCORE_WEIGHTS.optionalBusy;
  if (facts.focusMs > 0) penalty += (facts.focusMs / (end - start)) * SCORE_WEIGHTS.focus;
  if (rules.dailyBudgetMs > 0)
    penalty += Math.min(1, (facts.dayBusyMs + (end - start)) / rules.dailyBudgetMs) * SCORE_WEIGHTS.budget;
  if (facts.noMeetingDay) penalty += SCORE_WEIGHTS.noMeetingDay;
  return penalty;
}

/**
 * How far `[start, end)` lies outside working time, given the working interval `current` (the first
 * ending after `start`) and the one before it: up to the next start, or past the last end.
 */
export function outsideDistance(
  current: Interval | undefined,
  previous: Interval | undefined,
  start: Instant,
  end: Instant,
): number {
  let distance = Number.POSITIVE_INFINITY;
  if (current) distance = current.start > start ? current.start - start : end - current.end;
  if (previous) distance = Math.min(distance, end - previous.end);
  return distance;
}

/** The instant of local midnight (by the offset at `instant`) of the day holding `instant`. */
export function localDayStart(instant: Instant, offsetMs: number): Instant {
  const wall = instant + offsetMs;
  return Math.floor(wall / DAY_MS) * DAY_MS - offsetMs;
}

/** 0 (Monday) … 6 (Sunday) of the local day holding `instant`. */
export function localWeekdayIndex(instant: Instant, offsetMs: number): number {
  const epochDay = Math.floor((instant + offsetMs) / DAY_MS);
  return (((epochDay + 3) % 7) + 7) % 7;
}

/** A bit per weekday (Monday = bit 0) for quick membership tests. */
export function weekdayMask(days: readonly Weekday[]): number {
  let mask = 0;
  for (const day of days) mask |= 1 << WEEKDAYS.indexOf(day);
  return mask;
}

/** Score from the summed penalties, rounded to 1/1000 so equal slots compare equal. */
export function scoreFromPenalty(penalty: number): number {
  return Math.round((SCORE_WEIGHTS.perfect - penalty) * 1000) / 1000;
}

/** Sides of `[start, end)` that leave a gap shorter than the threshold inside the free interval holding it. */
export function countFragments(freeStart: Instant, freeEnd: Instant, start: Instant, end: Instant): number {
  const threshold = SCORE_WEIGHTS.fragmentBelowMinutes * 60_000;
  const before = start - freeStart;
  const after = freeEnd - end;
  return (before > 0 && before < threshold ? 1 : 0) + (after > 0 && after < threshold ? 1 : 0);
}

/** Ranking order: higher score first, then the earlier start. */
export function compareRanked(a: { score: number; start: Instant }, b: { score: number; start: Instant }) {
  return b.score - a.score || a.start - b.start;
}
