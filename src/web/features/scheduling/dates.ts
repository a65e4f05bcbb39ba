import { addDays, localToInstant, parseDate } from "../../../core/time";
import { formatDate, localDay } from "../../lib/time";
import type { ClockDay } from "../clock";

/** The instants of local dates `first` to `last` (both included) on the viewer's wall clock. */
export function windowOfDates(zone: string, first: string, last: string): { start: number; end: number } {
  return { start: localToInstant(zone, first, 0), end: localToInstant(zone, addDays(last, 1), 0) };
}

/** Whole days from `first` to `last`, both included; 0 when either is not a date or `last` comes first. */
export function daysBetween(first: string, last: string): number {
  const [a, b] = [parseDate(first), parseDate(last)];
  return a === null || b === null ? 0 : Math.max(b - a + 1, 0);
}

/** Today's date on the viewer's wall clock, and one `days` later. */
export function todayAnd(zone: string, now: number, days: number): [string, string] {
  const today = localDay(zone, now).date;
  return [today, addDays(today, days)];
}

/** Seven local days from `first`, as the timeline draws them. */
export function weekFrom(zone: string, first: string): ClockDay[] {
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(first, i);
    const title = formatDate(date);
    return {
      date,
      start: localToInstant(zone, date, 0),
      end: localToInstant(zone, addDays(date, 1), 0),
      title,
      word: `on ${title}`,
    };
  });
}

/** The first local dates of the 7-day weeks covering `first` … `last`. */
export function weekStarts(first: string, last: string): string[] {
  const weeks = Math.ceil(daysBetween(first, last) / 7);
  return Array.from({ length: Math.max(weeks, 1) }, (_, i) => addDays(first, i * 7));
}
