import { addDays, localToInstant } from "../../../core/time";
import type { Span } from "../../lib/resources";
import { formatDate, localDay } from "../../lib/time";

/** One local day of the viewer's week, as instants. */
export interface WeekDay {
  date: string;
  start: number;
  end: number;
  /** "Mon 2 Mar" */
  title: string;
}

const weekdayIndex = (date: string) => (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;

/** The Monday (YYYY-MM-DD) of the week holding `instant`, on the wall clock of `zone`. */
export function mondayOf(zone: string, instant: number): string {
  const { date } = localDay(zone, instant);
  return addDays(date, -weekdayIndex(date));
}

/** The seven local days from `monday`, in `zone` (a DST day is 23 or 25 hours long). */
export function weekDays(zone: string, monday: string): WeekDay[] {
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(monday, i);
    return {
      date,
      start: localToInstant(zone, date, 0),
      end: localToInstant(zone, addDays(date, 1), 0),
      title: formatDate(date),
    };
  });
}

/** The parts of `spans` inside `day`, each clipped to it, keeping any other fields. */
export function partsOn<T extends Span>(spans: readonly T[], day: Span): T[] {
  return spans
    .filter((s) => s.start < day.end && s.end > day.start)
    .map((s) => ({ ...s, start: Math.max(s.start, day.start), end: Math.min(s.end, day.end) }));
}

/** "YYYY-MM-DD" that is a date, else null: the page's `?week=` as typed by anyone. */
export function validDate(text: string | null): string | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  return Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ? null : text;
}
