import { WEEKDAYS, type Weekday } from "./types";

/** Zone-free calendar arithmetic on ISO dates and wall-clock times (never uses the process zone). */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1440;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Epoch milliseconds of a proleptic Gregorian date at 00:00, treating the fields as UTC. */
export function civilToEpochMs(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or `null` if it is not a real date. */
export function parseDate(text: string): number | null {
  const match = DATE_RE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = civilToEpochMs(year, month, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(ms / DAY_MS);
}

/** Like {@link parseDate} but throws a `RangeError` for an invalid date. */
export function dateToEpochDay(text: string): number {
  const day = parseDate(text);
  if (day === null) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
  return day;
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function epochDayToDate(epochDay: number): string {
  const date = new Date(epochDay * DAY_MS);
  const year = date.getUTCFullYear();
  const yearText = year >= 0 && year <= 9999 ? String(year).padStart(4, "0") : String(year);
  return `${yearText}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** The date `days` after (or before, when negative) a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return epochDayToDate(dateToEpochDay(date) + days);
}

/** Weekday of a day number; 1970-01-01 was a Thursday. */
export function weekdayOfEpochDay(epochDay: number): Weekday {
  const index = (((epochDay + 3) % 7) + 7) % 7;
  return WEEKDAYS[index] as Weekday;
}

export function weekdayOfDate(date: string): Weekday {
  return weekdayOfEpochDay(dateToEpochDay(date));
}

/** Minutes since midnight of `"HH:MM"`; `"24:00"` only when `allowEndOfDay`. `null` if malformed. */
export function parseTimeOfDay(text: string, allowEndOfDay = false): number | null {
  if (allowEndOfDay && text === "24:00") return MINUTES_PER_DAY;
  const match = TIME_RE.exec(text);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** `"HH:MM"` of minutes since midnight (1440 gives `"24:00"`). */
export function formatTimeOfDay(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

export function pad2(value: number): string {
  return String(value).padStart(2, "0");
}
