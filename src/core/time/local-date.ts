import { DAY_MS, dateToEpochDay } from "./dates";
import type { Interval, ZoneChange } from "./types";
import { ZoneSchedule } from "./zone-schedule";
import { wallClockToInstant } from "./zones";

/** From local midnight of `date` to the next local midnight in `timeZone` (23, 24 or 25 hours long). */
export function localDayToInstantRange(timeZone: string, date: string): Interval {
  return localDateRangeToInterval(timeZone, date, date);
}

/**
 * Local days `startDate` to `endDateInclusive` in `timeZone` as one UTC interval: from local midnight
 * of the first day to local midnight after the last. Throws a `RangeError` when the end is before the start.
 */
export function localDateRangeToInterval(
  timeZone: string,
  startDate: string,
  endDateInclusive: string,
): Interval {
  return daysToInterval(timeZone, timeZone, dateToEpochDay(startDate), dateToEpochDay(endDateInclusive));
}

/**
 * Like {@link localDateRangeToInterval} for a person whose zone may change (travel): the range starts
 * at midnight in the zone in force on the first day and ends at the midnight that ends the last day,
 * in the zone in force on that day.
 */
export function personDateRangeToInterval(
  person: { timeZone: string; zoneChanges?: readonly ZoneChange[] | undefined },
  startDate: string,
  endDateInclusive: string,
): Interval {
  const schedule = new ZoneSchedule(person.timeZone, person.zoneChanges);
  const first = dateToEpochDay(startDate);
  const last = dateToEpochDay(endDateInclusive);
  return daysToInterval(schedule.zoneOnDay(first), schedule.zoneOnDay(last), first, last);
}

function daysToInterval(startZone: string, endZone: string, firstDay: number, lastDay: number): Interval {
  if (lastDay < firstDay) throw new RangeError("the end date is before the start date");
  return {
    start: wallClockToInstant(startZone, firstDay * DAY_MS),
    end: wallClockToInstant(endZone, (lastDay + 1) * DAY_MS),
  };
}
