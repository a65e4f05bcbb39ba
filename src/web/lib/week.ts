import { addDays, localToInstant, WEEKDAYS, weekdayOfDate } from "../../core/time";
import { formatDate, localDay } from "./time";

/** One local day of the viewer's week: its date, the instants of its midnights, and a heading. */
export interface WeekDay {
  date: string;
  start: number;
  end: number;
  /** "Mon 2 Mar" */
  title: string;
}

/** The Monday (YYYY-MM-DD) of the week holding `instant`, on the wall clock of `zone`. */
export function mondayOf(zone: string, instant: number): string {
  const { date } = localDay(zone, instant);
  return addDays(date, -WEEKDAYS.indexOf(weekdayOfDate(date)));
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
