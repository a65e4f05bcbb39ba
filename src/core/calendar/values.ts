import { DAY_MS, HOUR_MS, MINUTE_MS } from "../time";
import type { IcsDuration, IcsTime } from "./types";

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil): no Date objects. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The number in `text[from, from + length)` when every character is a digit, else -1. */
function digits(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

function epochDayOf(text: string): number | undefined {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined; // "YYYY-MM-DD"
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return undefined;
  const limit = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  return day > limit ? undefined : daysFromCivil(year, month, day);
}

/**
 * Reads a jCal date (`"2026-03-02"`) or date-time (`"2026-03-02T09:00:00"`, `Z` for UTC) value;
 * `undefined` when it is not a real date or time. A date-time without `Z` takes `tzid`, or floats.
 */
export function readTime(value: unknown, tzid: string | undefined): IcsTime | undefined {
  if (typeof value !== "string") return undefined;
  const day = epochDayOf(value);
  if (day === undefined) return undefined;
  // ical.js reads `DTSTART:20190101` (no VALUE=DATE) as the date-time "2019-01-01T::": a date.
  if (value.length === 10 || (value.length === 13 && value.endsWith("T::"))) {
    return { wall: day * DAY_MS, isDate: true, zone: tzid ?? "floating" };
  }
  const utc = value.length === 20 && value.charCodeAt(19) === 90; // "Z"
  if (value.length !== 19 && !utc) return undefined;
  if (value.charCodeAt(10) !== 84 || value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) {
    return undefined;
  }
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return undefined;
  const wall = day * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + Math.min(second, 59) * 1000;
  return { wall, isDate: false, zone: utc ? "utc" : (tzid ?? "floating") };
}

const DURATION = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** An RFC 5545 duration (`PT1H30M`, `P1D`, `-P1W`); `undefined` when malformed or empty. */
export function readDuration(value: unknown): IcsDuration | undefined {
  if (typeof value !== "string") return undefined;
  const match = DURATION.exec(value);
  if (!match || value.endsWith("P") || value.endsWith("T")) return undefined;
  const sign = match[1] === "-" ? -1 : 1;
  const n = (i: number) => Number(match[i] ?? 0);
  return {
    days: sign * (n(2) * 7 + n(3)),
    ms: sign * (n(4) * HOUR_MS + n(5) * MINUTE_MS + n(6) * 1000),
  };
}

/** Local date and time fields of a wall-clock value (as ical.js's `Time.fromData` takes them). */
export function wallFields(wall: number) {
  const d = new Date(wall);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The wall-clock value of local date and time fields (an ical.js `Time`, say). */
export function fieldsToWall(t: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}) {
  return daysFromCivil(t.year, t.month, t.day) * DAY_MS + ((t.hour * 60 + t.minute) * 60 + t.second) * 1000;
}

/** Days since 1970-01-01 of a real date, or `undefined` (no such year, month or day). */
function validDay(year: number, month: number, day: number): number | undefined {
  if (year < 0 || month < 1 || month > 12 || day < 1) return undefined;
  const limit = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  return day > limit ? undefined : daysFromCivil(year, month, day);
}

/**
 * Reads a date or date-time value as written in the file (`20260302`, `20260302T090000Z`) in
 * `text[from, to)`, by the same rules as ical.js's raw parser followed by {@link readTime}: its two
 * usual shapes in place, any other through ical.js's own reshaping (which, say, skips the character
 * after the date).
 */
export function readIcalTime(
  text: string,
  from: number,
  to: number,
  type: "date" | "date-time",
  tzid: string | undefined,
): IcsTime | undefined {
  const time: IcsTime = { wall: 0, isDate: false, zone: "" };
  return readIcalTimeInto(time, text, from, to, type, tzid) ? time : undefined;
}

/**
 * {@link readIcalTime} written into `slot` (false, `slot` left in any state, when the value is not a
 * time): the reader refills one slot per event for DTSTART and DTEND, not a new object for each.
 */
export function readIcalTimeInto(
  slot: IcsTime,
  text: string,
  from: number,
  to: number,
  type: "date" | "date-time",
  tzid: string | undefined,
): boolean {
  const length = to - from;
  if (length === 8) {
    const day = validDay(digits(text, from, 4), digits(text, from + 4, 2), digits(text, from + 6, 2));
    if (day === undefined) return false;
    slot.wall = day * DAY_MS;
    slot.isDate = true;
    slot.zone = tzid ?? "floating";
    return true;
  }
  if (length < 15) {
    const raw = text.slice(from, to);
    const read = readTime(type === "date" ? jcalDate(raw) : jcalDateTime(raw), tzid);
    if (read === undefined) return false;
    slot.wall = read.wall;
    slot.isDate = read.isDate;
    slot.zone = read.zone;
    return true;
  }
  const day = validDay(digits(text, from, 4), digits(text, from + 4, 2), digits(text, from + 6, 2));
  const hour = digits(text, from + 9, 2);
  const minute = digits(text, from + 11, 2);
  const second = digits(text, from + 13, 2);
  if (day === undefined || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
    return false;
  }
  slot.wall = day * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + Math.min(second, 59) * 1000;
  slot.isDate = false;
  slot.zone = length > 15 && text.charCodeAt(from + 15) === 90 ? "utc" : (tzid ?? "floating");
  return true;
}

/** ical.js's reshaping of a DATE-TIME value into jCal (`20260302T0900` → `2026-03-02T09:00:`). */
export function jcalDateTime(raw: string): string {
  if (raw.length === 8) return jcalDate(raw);
  const text = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}T${raw.slice(9, 11)}:${raw.slice(11, 13)}:${raw.slice(13, 15)}`;
  return raw[15] === "Z" ? `${text}Z` : text;
}

/** ical.js's reshaping of a DATE value into jCal (one of 15 characters or more is a date-time). */
export function jcalDate(raw: string): string {
  if (raw.length >= 15) return jcalDateTime(raw);
  return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
}
