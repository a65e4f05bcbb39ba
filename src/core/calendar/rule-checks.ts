import type { RecurData } from "./types";

const WEEKDAY = /^([+-]?)(\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const PLAIN_WEEKDAYS = new Set(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]);

/** The values of one BY part (ical.js keeps a single value bare, several as an array). */
const valuesOf = (rule: RecurData, part: string): readonly unknown[] => {
  const value = rule[part];
  if (value === undefined) return NONE;
  return Array.isArray(value) ? value : [value];
};
const NONE: readonly unknown[] = [];

/** Allowed values of the numeric BY parts (RFC 5545 §3.3.10); `signed`: ±1…max, no zero. */
const RANGES: [part: string, min: number, max: number, signed: boolean][] = [
  ["bysecond", 0, 60, false],
  ["byminute", 0, 59, false],
  ["byhour", 0, 23, false],
  ["bymonthday", 1, 31, true],
  ["byyearday", 1, 366, true],
  ["byweekno", 1, 53, true],
  ["bymonth", 1, 12, false],
  ["bysetpos", 1, 366, true],
];

/**
 * Why a rule breaks RFC 5545 in a way no reader agrees on (ical.js throws or loops on some), in a
 * few words; `undefined` for a rule that can be expanded.
 */
export function invalidReason(rule: RecurData): string | undefined {
  const { freq } = rule;
  const interval = rule.interval === undefined ? 1 : Number(rule.interval);
  if (!Number.isInteger(interval) || interval < 1) return "INTERVAL must be a whole number from 1";
  if (freq === "WEEKLY" && rule.bymonthday !== undefined) return "a WEEKLY rule cannot have BYMONTHDAY";
  if (rule.byyearday !== undefined && ["DAILY", "WEEKLY", "MONTHLY"].includes(freq)) {
    return `a ${freq} rule cannot have BYYEARDAY`;
  }
  if (rule.byweekno !== undefined && freq !== "YEARLY") return "only a YEARLY rule can have BYWEEKNO";
  for (const [part, min, max, signed] of RANGES) {
    for (const value of valuesOf(rule, part)) {
      const n = Number(value);
      const size = signed ? Math.abs(n) : n;
      if (!Number.isInteger(n) || size < min || size > max) {
        return `${part.toUpperCase()}=${String(value).slice(0, 10)} is out of range (${signed ? "±" : ""}${min} to ${max})`;
      }
    }
  }
  for (const value of valuesOf(rule, "byday")) {
    // The usual plain weekday ("MO"), which the pattern would match without an ordinal.
    if (typeof value === "string" && value.length === 2 && PLAIN_WEEKDAYS.has(value)) continue;
    const match = WEEKDAY.exec(String(value).toUpperCase());
    if (!match) return `BYDAY=${String(value).slice(0, 10)} is not a weekday such as MO or 1MO`;
    if (match[2] === undefined) continue;
    const ordinal = Number(match[2]);
    if (freq !== "MONTHLY" && freq !== "YEARLY")
      return "only MONTHLY and YEARLY rules can number weekdays (1MO)";
    if (ordinal < 1 || ordinal > (freq === "MONTHLY" ? 5 : 53)) return `BYDAY=${value} is out of range`;
  }
  return undefined;
}

const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether no month the rule allows has any of its BYMONTHDAY days (`BYMONTH=2;BYMONTHDAY=30`). */
export function neverMatches(rule: RecurData): boolean {
  const days = valuesOf(rule, "bymonthday").map(Number);
  if (days.length === 0) return false;
  const months = valuesOf(rule, "bymonth").map(Number);
  const allowed = months.length > 0 ? months : LONGEST_MONTH.map((_, i) => i + 1);
  return !allowed.some((month) => days.some((day) => Math.abs(day) <= (LONGEST_MONTH[month - 1] ?? 0)));
}
