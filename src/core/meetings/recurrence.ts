import {
  civilToEpochMs,
  DAY_MS,
  dateToEpochDay,
  epochDayToDate,
  type Interval,
  MINUTE_MS,
  offsetAt,
  WEEKDAYS,
  wallClockToInstant,
  weekdayOfEpochDay,
} from "../time";

/** A meeting series as the organiser asked for it; `start` is the first meeting. */
export interface SeriesInput {
  start: number;
  durationMinutes: number;
  /** The zone whose wall clock the series keeps (the organiser's). */
  timeZone: string;
  frequency: "weekly" | "biweekly" | "monthly";
  /** How many meetings, the first included. */
  count?: number;
  /** The last local date (`YYYY-MM-DD` in `timeZone`, inclusive) a meeting may fall on. */
  until?: string;
  /** Never more meetings than this. */
  max: number;
}

/**
 * The meetings of a series, first to last. Each keeps the first meeting's wall-clock time in
 * `timeZone`: a weekly series at 09:00 in Europe/London stays at 09:00 across the clock changes; a
 * wall time the clock skips moves forward by the gap, a repeated one takes its first occurrence
 * (RFC 5545, as `wallClockToInstant`). `weekly` steps 7 local days, `biweekly` 14, `monthly` goes to
 * the same n-th weekday of each month (the 2nd Tuesday), or to the last such weekday when the first
 * meeting is on a 5th one. It stops after `count` meetings, after the last date ≤ `until` (empty when
 * `until` is before the first date), and never gives more than `max`: use {@link seriesTooLong} to
 * refuse a series the cap would cut short. Every meeting lasts `durationMinutes` of real time.
 */
export function occurrences(input: SeriesInput): Interval[] {
  const offset = offsetAt(input.timeZone, input.start);
  const firstDay = Math.floor((input.start + offset) / DAY_MS);
  const timeOfDay = input.start + offset - firstDay * DAY_MS;
  const lastDay = input.until === undefined ? Number.POSITIVE_INFINITY : dateToEpochDay(input.until);
  const limit = Math.min(input.max, input.count ?? Number.POSITIVE_INFINITY);
  const nthDay = dayStepper(input.frequency, firstDay);
  const length = input.durationMinutes * MINUTE_MS;

  const series: Interval[] = [];
  for (let n = 0; series.length < limit; n++) {
    const day = nthDay(n);
    if (day > lastDay) break;
    const start = n === 0 ? input.start : wallClockToInstant(input.timeZone, day * DAY_MS + timeOfDay);
    series.push({ start, end: start + length });
  }
  return series;
}

/** Whether the series holds more than `max` meetings (an open-ended one always does). */
export function seriesTooLong(input: SeriesInput): boolean {
  return occurrences({ ...input, max: input.max + 1 }).length > input.max;
}

/** The local day (days since 1970-01-01) of the n-th meeting, the first being n = 0. */
function dayStepper(frequency: SeriesInput["frequency"], firstDay: number): (n: number) => number {
  if (frequency === "weekly") return (n) => firstDay + 7 * n;
  if (frequency === "biweekly") return (n) => firstDay + 14 * n;
  const [year, month, dayOfMonth] = epochDayToDate(firstDay).split("-").map(Number) as [
    number,
    number,
    number,
  ];
  const weekday = weekdayIndex(firstDay);
  const ordinal = Math.floor((dayOfMonth - 1) / 7); // 0 = first … 4 = fifth
  return (n) => {
    const monthStart = civilToEpochMs(year, month + n, 1) / DAY_MS;
    const nextMonthStart = civilToEpochMs(year, month + n + 1, 1) / DAY_MS;
    const firstMatch = monthStart + ((weekday - weekdayIndex(monthStart) + 7) % 7);
    if (ordinal < 4) return firstMatch + 7 * ordinal;
    return firstMatch + 7 * Math.floor((nextMonthStart - 1 - firstMatch) / 7);
  };
}

/** Monday = 0 … Sunday = 6 of a day number. */
const weekdayIndex = (epochDay: number) => WEEKDAYS.indexOf(weekdayOfEpochDay(epochDay));
