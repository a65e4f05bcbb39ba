import { addDays, localToInstant, WEEKDAYS, weekdayOfDate } from "../../../../core/time";
import { formatDate, localDay } from "../../../lib/time";

/** One local day of the week shown: its date, the instants of its midnights, and a heading. */
export interface WeekDay {
  date: string;
  start: number;
  end: number;
  title: string;
}

/** The Monday on or before a local `YYYY-MM-DD` date. */
export function mondayOf(date: string): string {
  return addDays(date, -WEEKDAYS.indexOf(weekdayOfDate(date)));
}

/** The Monday of the week holding `now` on the wall clock of `zone`. */
export function thisMonday(zone: string, now: number): string {
  return mondayOf(localDay(zone, now).date);
}

/** Seven local days from `monday` on the wall clock of `zone` (a DST day is 23 or 25 hours long). */
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

/** Each day of the week with the meetings starting on it (in the viewer's zone), earliest first. */
export function byDay<M extends { start: string }>(days: WeekDay[], meetings: M[]) {
  const sorted = [...meetings].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return days.map((day) => ({
    day,
    meetings: sorted.filter((m) => {
      const at = Date.parse(m.start);
      return at >= day.start && at < day.end;
    }),
  }));
}
