import ICAL from "ical.js";
import { DAY_MS } from "../time";
import { invalidReason, neverMatches } from "./rule-checks";
import type { RecurData } from "./types";
import { fieldsToWall, wallFields } from "./values";

/** At most this many candidate dates are examined for one rule (matching or not)… */
export const MAX_RULE_CANDIDATES = 50_000;
/** …and for all the rules of one calendar together. */
export const MAX_CALENDAR_CANDIDATES = 1_000_000;

/** The candidate dates left to one calendar's rules: shared by all of them. */
export class RuleBudget {
  constructor(public left = MAX_CALENDAR_CANDIDATES) {}
}

/**
 * Why a rule gave fewer dates than it describes: it can never match, it ran out of candidates (the
 * dates found before then are kept), or it breaks RFC 5545 (nothing is kept but DTSTART).
 */
export type RuleShortfall =
  | { kind: "never-matches" }
  | { kind: "out-of-budget"; calendarWide: boolean }
  | { kind: "invalid"; reason: string };

export interface RuleExpansion {
  starts: number[];
  shortfall?: RuleShortfall;
}

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
 * counts them: DTSTART is among them only when it matches the rule (the caller adds it anyway). DAILY
 * and WEEKLY rules with plain weekdays — nearly every rule in a work calendar — are stepped here in
 * day arithmetic; every other rule goes through ical.js's RecurIterator on floating times. Bounded by
 * construction: at most {@link MAX_RULE_CANDIDATES} candidates, and what is left of `budget`.
 */
export function expandRule(rule: RecurData, bounds: RuleBounds, budget = new RuleBudget()): RuleExpansion {
  const invalid = invalidReason(rule);
  if (invalid) return { starts: [], shortfall: { kind: "invalid", reason: invalid } };
  if (neverMatches(rule)) return { starts: [], shortfall: { kind: "never-matches" } };
  const weekdays = fastWeekdays(rule);
  if (weekdays) return stepDays(rule, weekdays, bounds, budget);
  return expandWithIcal(rule, bounds, budget);
}

/** The start times of {@link expandRule}, whatever fell short. */
export const ruleStarts = (rule: RecurData, bounds: RuleBounds) => expandRule(rule, bounds).starts;

/** The BYDAY weekdays of a rule the fast path can step (empty: no BYDAY), or `undefined`. */
function fastWeekdays(rule: RecurData): number[] | undefined {
  if (rule.freq !== "DAILY" && rule.freq !== "WEEKLY") return undefined;
  for (const key in rule) if (!FAST_PARTS.has(key)) return undefined;
  const days: number[] = [];
  const { byday } = rule;
  if (byday === undefined) return days;
  const codes = Array.isArray(byday) ? byday : [byday];
  for (const code of codes) {
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

function stepDays(
  rule: RecurData,
  weekdays: number[],
  bounds: RuleBounds,
  budget: RuleBudget,
): RuleExpansion {
  const interval = Math.max(1, Number(rule.interval ?? 1) || 1);
  const count = rule.count === undefined ? Number.POSITIVE_INFINITY : Number(rule.count);
  const last = Math.min(bounds.until ?? Number.POSITIVE_INFINITY, bounds.to);
  const startDay = Math.floor(bounds.start / DAY_MS);
  const timeOfDay = bounds.start - startDay * DAY_MS;
  const weekly = rule.freq === "WEEKLY";
  const weekStart = weekStartOf(rule);
  const inWeek = daysIntoWeek(weekly && weekdays.length === 0 ? [weekdayOf(startDay)] : weekdays, weekStart);
  const periodDays = weekly ? 7 * interval : interval;
  const firstPeriodDay = weekly ? startDay - ((weekdayOf(startDay) - weekStart + 7) % 7) : startDay;

  const starts: number[] = [];
  let emitted = 0;
  // Nothing before `from` is needed: jump to the period just before it, by arithmetic. With COUNT
  // the instances skipped are counted: every period but the first (cut by DTSTART) holds the same
  // number — for WEEKLY, and DAILY without BYDAY; DAILY with BYDAY is stepped to count them.
  let period = Math.max(0, Math.floor((Math.floor(bounds.from / DAY_MS) - firstPeriodDay) / periodDays) - 1);
  if (count !== Number.POSITIVE_INFINITY && period > 0) {
    if (!weekly && weekdays.length > 0) period = 0;
    else {
      let first = 1;
      if (weekly) {
        first = 0;
        for (const offset of inWeek)
          if ((firstPeriodDay + offset) * DAY_MS + timeOfDay >= bounds.start) first++;
      }
      emitted = Math.min(count, first + (period - 1) * (weekly ? inWeek.length : 1));
    }
  }
  for (let steps = 0; emitted < count; period++, steps++) {
    const periodDay = firstPeriodDay + period * periodDays;
    if (periodDay * DAY_MS > last) break;
    if (steps >= MAX_RULE_CANDIDATES || budget.left <= 0) return outOfBudget(starts, steps, budget);
    budget.left--;
    // The period's days: each weekday of a week, or the one day of a DAILY period.
    const perPeriod = weekly ? inWeek.length : 1;
    for (let k = 0; k < perPeriod; k++) {
      const day = weekly ? periodDay + (inWeek[k] as number) : periodDay;
      if (!weekly && weekdays.length > 0 && !weekdays.includes(weekdayOf(day))) continue;
      const wall = day * DAY_MS + timeOfDay;
      if (wall < bounds.start) continue;
      if (wall > last || emitted >= count) break;
      starts.push(wall);
      emitted++;
    }
  }
  return { starts };
}

/** Weekdays (Monday = 0) as days into a week beginning on `weekStart`, in order. */
function daysIntoWeek(weekdays: number[], weekStart: number): number[] {
  const days: number[] = [];
  for (const weekday of weekdays) {
    const day = (weekday - weekStart + 7) % 7;
    let at = days.length;
    while (at > 0 && (days[at - 1] as number) > day) at--;
    days.splice(at, 0, day);
  }
  return days;
}

const outOfBudget = (starts: number[], steps: number, budget: RuleBudget): RuleExpansion => ({
  starts,
  shortfall: { kind: "out-of-budget", calendarWide: steps < MAX_RULE_CANDIDATES && budget.left <= 0 },
});

/** Thrown from inside ical.js's iterator when a rule has used up its candidates. */
const BUDGET_SPENT = Symbol("budget spent");
const YEAR_MS = 365.25 * DAY_MS;
/** A YEARLY rule that matches no day in this many years from DTSTART never will (weekdays repeat every 28). */
const SEARCH_YEARS = 29;

/** Any rule through ical.js's RecurIterator, each candidate date counted against the budgets. */
function expandWithIcal(rule: RecurData, bounds: RuleBounds, budget: RuleBudget): RuleExpansion {
  const start = rule.count === undefined ? jumpedStart(rule, bounds) : bounds.start;
  // UNTIL also ends ical.js's search for a first YEARLY match (else up to the year 20000).
  const searchEnd = Math.max(bounds.to, start + SEARCH_YEARS * YEAR_MS);
  const data: Record<string, unknown> = {
    ...rule,
    until: floatingTime(Math.min(bounds.until ?? searchEnd, searchEnd)),
  };
  const starts: number[] = [];
  let candidates = 0;
  try {
    const iterator = ICAL.Recur.fromData(data as Parameters<typeof ICAL.Recur.fromData>[0]).iterator(
      floatingTime(start),
    );
    const guarded = iterator as unknown as { check_contracting_rules(): boolean };
    const check = guarded.check_contracting_rules.bind(iterator);
    guarded.check_contracting_rules = () => {
      if (candidates >= MAX_RULE_CANDIDATES || budget.left <= 0) throw BUDGET_SPENT;
      candidates++;
      budget.left--;
      return check();
    };
    for (let next = iterator.next(); next; next = iterator.next()) {
      const wall = fieldsToWall(next);
      if (wall > bounds.to) return { starts };
      starts.push(wall);
    }
  } catch (err) {
    if (err === BUDGET_SPENT) return outOfBudget(starts, candidates, budget);
    return { starts: [], shortfall: { kind: "invalid", reason: "its parts contradict each other" } };
  }
  const cutByUntil = bounds.until !== undefined && bounds.until < searchEnd;
  const found = starts.some((wall) => wall !== bounds.start);
  return found || cutByUntil || rule.count !== undefined
    ? { starts }
    : { starts, shortfall: { kind: "never-matches" } };
}

/**
 * For a rule without COUNT, DTSTART moved forward by whole periods to just before `from`: the same
 * dates from there on, without stepping through years that are not needed. MONTHLY and YEARLY rules
 * (whose month lengths vary) take few steps a year and are not moved.
 */
function jumpedStart(rule: RecurData, bounds: RuleBounds): number {
  const unit = PERIOD_MS[rule.freq];
  if (unit === undefined) return bounds.start;
  const period = unit * Math.max(1, Number(rule.interval ?? 1) || 1);
  const periods = Math.floor((bounds.from - bounds.start) / period) - 1;
  return periods > 0 ? bounds.start + periods * period : bounds.start;
}

const PERIOD_MS: Record<string, number> = {
  SECONDLY: 1000,
  MINUTELY: 60_000,
  HOURLY: 3_600_000,
  DAILY: DAY_MS,
  WEEKLY: 7 * DAY_MS,
};

const floatingTime = (wall: number) => ICAL.Time.fromData(wallFields(wall));

/** {@link expandRule}'s dates through ical.js alone: the reference the fast path is tested against. */
export const ruleStartsWithIcal = (rule: RecurData, bounds: RuleBounds) =>
  expandWithIcal(rule, bounds, new RuleBudget()).starts;
