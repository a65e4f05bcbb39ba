import ICAL from "ical.js";
import { DAY_MS } from "../time";
import type { RecurData } from "./types";
import { fieldsToWall, wallFields } from "./values";

/** At most this many steps per rule: a runaway rule (FREQ=SECONDLY for years) stops here. */
export const MAX_RULE_STEPS = 200_000;

export interface RuleBounds {
  /** Wall-clock (in the event's zone) of DTSTART. */
  start: number;
  /** Last wall-clock time UNTIL allows (inclusive), if any. */
  until: number | undefined;
  /** Occurrences starting after this wall-clock time are not needed. */
  to: number;
  /** Occurrences starting before this wall-clock time are not needed (they still count for COUNT). */
  from: number;
}

const WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const FAST_PARTS = new Set(["freq", "interval", "count", "until", "byday", "wkst"]);

/** Monday = 0 … Sunday = 6 of a day number (1970-01-01 was a Thursday). */
const weekdayOf = (day: number) => (((day + 3) % 7) + 7) % 7;

/**
 * Start times (wall-clock, in the event's zone) of the occurrences of one RRULE, counted as ical.js
 * counts them: DTSTART is among them only when it matches the rule (the caller adds it anyway). DAILY and WEEKLY rules with plain weekdays — nearly every rule in
 * a work calendar — are stepped here in day arithmetic; every other rule goes through ical.js's
 * RecurIterator on floating times.
 */
export function ruleStarts(rule: RecurData, bounds: RuleBounds): number[] {
  const weekdays = fastWeekdays(rule);
  if (weekdays) return stepDays(rule, weekdays, bounds);
  return ruleStartsWithIcal(rule, bounds);
}

/** The BYDAY weekdays of a rule the fast path can step (empty: no BYDAY), or `undefined`. */
function fastWeekdays(rule: RecurData): number[] | undefined {
  if (rule.freq !== "DAILY" && rule.freq !== "WEEKLY") return undefined;
  for (const key of Object.keys(rule)) if (!FAST_PARTS.has(key)) return undefined;
  const byday = rule.byday === undefined ? [] : [rule.byday].flat();
  const days: number[] = [];
  for (const code of byday) {
    const index = WEEKDAY_CODES.indexOf(String(code).toUpperCase());
    if (index < 0) return undefined; // "1MO", "-1FR": ordinals are for MONTHLY/YEARLY
    if (!days.includes(index)) days.push(index);
  }
  return days;
}

/** RFC 5545 WKST as Monday = 0 … Sunday = 6 (ical.js keeps it as 1 = Sunday … 7 = Saturday). */
function weekStartOf(rule: RecurData): number {
  const wkst = rule.wkst;
  if (typeof wkst === "number") return (wkst + 5) % 7;
  const index = typeof wkst === "string" ? WEEKDAY_CODES.indexOf(wkst.toUpperCase()) : -1;
  return Math.max(index, 0);
}

function stepDays(rule: RecurData, weekdays: number[], bounds: RuleBounds): number[] {
  const interval = Math.max(1, Number(rule.interval ?? 1) || 1);
  const count = rule.count === undefined ? Number.POSITIVE_INFINITY : Number(rule.count);
  const last = Math.min(bounds.until ?? Number.POSITIVE_INFINITY, bounds.to);
  const startDay = Math.floor(bounds.start / DAY_MS);
  const timeOfDay = bounds.start - startDay * DAY_MS;
  const weekly = rule.freq === "WEEKLY";
  const weekStart = weekStartOf(rule);
  const inWeek = (weekly && weekdays.length === 0 ? [weekdayOf(startDay)] : weekdays)
    .map((d) => (d - weekStart + 7) % 7)
    .sort((a, b) => a - b);
  const periodDays = weekly ? 7 * interval : interval;
  const firstPeriodDay = weekly ? startDay - ((weekdayOf(startDay) - weekStart + 7) % 7) : startDay;

  const starts: number[] = [];
  let emitted = 0;
  let period = 0;
  if (count === Number.POSITIVE_INFINITY) {
    // Nothing before `from` is needed and nothing is counted: jump to the period just before it.
    period = Math.max(0, Math.floor((Math.floor(bounds.from / DAY_MS) - firstPeriodDay) / periodDays) - 1);
  }
  for (let steps = 0; emitted < count && steps < MAX_RULE_STEPS; period++, steps++) {
    const periodDay = firstPeriodDay + period * periodDays;
    if (periodDay * DAY_MS > last) break;
    const days = weekly ? inWeek.map((offset) => periodDay + offset) : [periodDay];
    for (const day of days) {
      if (!weekly && weekdays.length > 0 && !weekdays.includes(weekdayOf(day))) continue;
      const wall = day * DAY_MS + timeOfDay;
      if (wall < bounds.start) continue;
      if (wall > last || emitted >= count) break;
      starts.push(wall);
      emitted++;
    }
  }
  return starts;
}

/** The same through ical.js's RecurIterator: any rule; the reference the fast path is tested against. */
export function ruleStartsWithIcal(rule: RecurData, bounds: RuleBounds): number[] {
  const data: Record<string, unknown> = { ...rule };
  delete data.until;
  if (bounds.until !== undefined) data.until = floatingTime(bounds.until);
  const iterator = ICAL.Recur.fromData(data as Parameters<typeof ICAL.Recur.fromData>[0]).iterator(
    floatingTime(bounds.start),
  );
  const starts: number[] = [];
  for (let steps = 0; steps < MAX_RULE_STEPS; steps++) {
    const next = iterator.next();
    if (!next) break;
    const wall = fieldsToWall(next);
    if (wall > bounds.to) break;
    starts.push(wall);
  }
  return starts;
}

const floatingTime = (wall: number) => ICAL.Time.fromData(wallFields(wall));
