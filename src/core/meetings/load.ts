import {
  addDays,
  clipIntervals,
  dateToEpochDay,
  HOUR_MS,
  type Interval,
  instantToLocal,
  localDateRangeToInterval,
  localDayToInstantRange,
  mergeIntervals,
  subtractIntervals,
  totalDuration,
  WEEKDAYS,
  weekdayOfDate,
} from "../time";

/**
 * Meeting load: the union of `busy` inside `window` minus the person's own `focus` blocks (time they
 * keep for themselves never counts against a budget), in milliseconds. Lists may be in any order.
 */
export function meetingLoadMs(
  busy: readonly Interval[],
  focus: readonly Interval[],
  window: Interval,
): number {
  const load = subtractIntervals(clipIntervals(mergeIntervals(busy), window), mergeIntervals(focus));
  return totalDuration(load);
}

/** {@link meetingLoadMs} in hours, rounded to 2 places. */
export function meetingLoadHours(busy: Interval[], focus: Interval[], window: Interval): number {
  return Math.round((meetingLoadMs(busy, focus, window) / HOUR_MS) * 100) / 100;
}

/** The local Monday (`YYYY-MM-DD`) that starts the ISO week holding `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -WEEKDAYS.indexOf(weekdayOfDate(date)));
}

/** Local midnight starting the Monday of the week holding `from`, then of each of the next weeks. */
export function weekStarts(timeZone: string, from: number, weeks: number): number[] {
  const monday = mondayOf(instantToLocal(timeZone, from).date);
  return Array.from(
    { length: weeks },
    (_, i) => localDayToInstantRange(timeZone, addDays(monday, 7 * i)).start,
  );
}

/** The local week (Monday 00:00 to the next Monday 00:00) starting on `monday`. */
export const localWeek = (timeZone: string, monday: string): Interval =>
  localDateRangeToInterval(timeZone, monday, addDays(monday, 6));

/** Every local date in `timeZone` that `[start, end)` touches, in order. */
export function localDatesTouched(timeZone: string, span: Interval): string[] {
  const first = instantToLocal(timeZone, span.start).date;
  const last = instantToLocal(timeZone, Math.max(span.start, span.end - 1)).date;
  const days = dateToEpochDay(last) - dateToEpochDay(first);
  return Array.from({ length: days + 1 }, (_, i) => addDays(first, i));
}
