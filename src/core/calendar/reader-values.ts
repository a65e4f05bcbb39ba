import ICAL from "ical.js";
import { decline } from "./reader-text";
import type { IcsTime, RecurData } from "./types";
import { jcalDate, jcalDateTime, readDuration, readIcalTime, readIcalTimeInto, readTime } from "./values";

/**
 * The value helpers of the one-pass reader (`reader.ts`): DATE/DATE-TIME and RDATE values, and
 * RRULE parts read as ical.js reads them (or declined). The event being read is in `reader-event.ts`.
 */

const FREQUENCIES = new Set(["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"]);
export const recurFromIcal = (ICAL.design.icalendar.value as Record<string, { fromICAL(v: string): unknown }>)
  .recur as { fromICAL(v: string): Record<string, unknown> };

export interface Params {
  tzid: string | undefined;
  value: string | undefined;
  range: string | undefined;
}

/** A DATE or DATE-TIME value into `slot` (the VALUE parameter picks which; DATE-TIME when absent). */
export function timeInto(
  slot: IcsTime,
  s: string,
  from: number,
  to: number,
  type: string | undefined,
  tzid: string | undefined,
): void {
  if (type !== undefined && type !== "date" && type !== "date-time") decline();
  if (!readIcalTimeInto(slot, s, from, to, type === "date" ? "date" : "date-time", tzid)) decline();
}

/** {@link timeInto} a new time: for the values kept as they are (RECURRENCE-ID, EXDATE). */
export function time(
  s: string,
  from: number,
  to: number,
  params: Params | undefined,
  tzid: string | undefined,
): IcsTime {
  const slot: IcsTime = { wall: 0, isDate: false, zone: "" };
  timeInto(slot, s, from, to, params?.value, tzid);
  return slot;
}

/** One RDATE value: its type is guessed from the whole property's value, as ical.js guesses it. */
export function rdate(item: string, whole: string, tzid: string | undefined) {
  if (whole.indexOf("/") < 0) {
    const type = whole.indexOf("T") < 0 ? "date" : "date-time";
    const at = readIcalTime(item, 0, item.length, type, tzid) ?? decline();
    return { time: at, end: undefined, duration: undefined };
  }
  const parts = item.split("/");
  if (parts.length !== 2) decline();
  const [from, to] = parts as [string, string];
  const start = readTime(jcalDateTime(from), tzid) ?? decline();
  const endValue = ICAL.Duration.isValueString(to) ? to : jcalDateTime(to);
  if (/^[+-]?P/.test(endValue)) {
    return { time: start, end: undefined, duration: readDuration(endValue) ?? decline() };
  }
  return { time: start, end: readTime(endValue, tzid) ?? decline(), duration: undefined };
}

/** ical.js's BYDAY value pattern (`MO`, `-1FR`, `+2SU`). */
const BYDAY_PART = /^([+-])?(5[0-3]|[1-4][0-9]|[1-9])?(SU|MO|TU|WE|TH|FR|SA)$/;

/**
 * The rule parts of an RRULE value as ical.js reads them (`Recur._stringToData`): the usual parts
 * (FREQ, INTERVAL, COUNT, UNTIL, BYDAY, as written by calendar apps) here, any other through ical.js.
 */
function ruleParts(raw: string): Record<string, unknown> {
  const dict: Record<string, unknown> = {};
  for (const part of raw.split(";")) {
    const [name, value] = part.split("=");
    if (value === undefined) return recurFromIcal.fromICAL(raw);
    if (name === "FREQ") {
      if (!FREQUENCIES.has(value)) decline();
      dict.freq = value;
    } else if (name === "COUNT" || name === "INTERVAL") {
      const n = Number.parseInt(value, 10);
      if (Number.isNaN(n)) decline();
      if (name === "COUNT") dict.count = n;
      else dict.interval = Math.max(1, n);
    } else if (name === "UNTIL") dict.until = value.length > 10 ? jcalDateTime(value) : jcalDate(value);
    else if (name === "BYDAY") {
      const days = [...new Set(value.split(","))];
      if (!days.every((day) => BYDAY_PART.test(day))) decline();
      dict.byday = days.length === 1 ? days[0] : days;
    } else return recurFromIcal.fromICAL(raw);
  }
  return dict;
}

export function recur(raw: string): RecurData {
  const value = ruleParts(raw);
  const freq = typeof value.freq === "string" ? value.freq.toUpperCase() : "";
  if (value.rscale !== undefined || !FREQUENCIES.has(freq)) decline();
  if (value.until !== undefined && !readTime(value.until, undefined)) decline();
  return { ...value, freq };
}
