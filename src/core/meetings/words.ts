import { WEEKDAY_WORDS } from "../../contracts/field-words";
import { plural } from "../agreement";
import { formatTimeOfDay, HOUR_MS, type Interval, instantToLocal, weekdayOfDate } from "../time";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A local date as a person says it: "Friday 12 June". */
export function dayWords(date: string): string {
  const [, month, day] = date.split("-").map(Number) as [number, number, number];
  return `${WEEKDAY_WORDS[weekdayOfDate(date)]} ${day} ${MONTHS[month - 1]}`;
}

/** A span on the wall clock of `timeZone`: "07:30–08:30". */
export function localSpan(timeZone: string, span: Interval): string {
  const start = instantToLocal(timeZone, span.start).minutes;
  const end = instantToLocal(timeZone, span.end).minutes;
  return `${formatTimeOfDay(start)}–${formatTimeOfDay(end)}`;
}

/** "07:30–08:30 on Tuesday 9 June in Asia/Kolkata": a meeting on someone's own clock. */
export function theirTime(timeZone: string, span: Interval): string {
  return `${localSpan(timeZone, span)} on ${dayWords(instantToLocal(timeZone, span.start).date)} in ${timeZone}`;
}

/** Hours as a person reads them: "1 hour", "4.5 hours", "2.25 hours". */
export function hoursWords(ms: number): string {
  return plural(Math.round((ms / HOUR_MS) * 100) / 100, "hour");
}
