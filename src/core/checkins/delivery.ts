import type { CheckinSchedule } from "../../contracts/checkins";
import {
  DAY_MS,
  epochDayToDate,
  HOUR_MS,
  type Instant,
  localDayToInstantRange,
  localToInstant,
  parseTimeOfDay,
  type WorkingTimeProfile,
  weekdayOfDate,
  workingIntervals,
  zoneOnDate,
} from "../time";

/** One person's occurrence of a ritual on one of their local dates. */
export interface Delivery {
  /** The person's local date (`YYYY-MM-DD`) in the zone in force that day (travel honoured). */
  localDate: string;
  /** The zone in force that day. */
  timeZone: string;
  deliverAt: Instant;
  /**
   * Half the window after delivery, moved forward to the next start of the person's working time
   * when it falls outside it; never after `closesAt`. Answers after it are late; the reminder is sent then.
   */
  lateAfter: Instant;
  /** `deliverAt` + the window: no answer after it. */
  closesAt: Instant;
  /** Whether a reminder fits: `lateAfter` is inside the person's working time and before `closesAt`. */
  remind: boolean;
}

export interface RitualTiming {
  schedule: CheckinSchedule;
  windowHours: number;
}

/**
 * The delivery on local date `date` (in the zone the person is in that day), or null when there is
 * none: not one of the ritual's days (the weekday of the LOCAL date decides), or no working time
 * that day (a day off in their pattern, or absent — an absence covering the day's working time; a
 * partial absence still gets the delivery). `localTime` "HH:MM" is that wall-clock time (in a DST
 * gap: moved forward by the gap; repeated: the first); "start_of_day" is the start of their first
 * working interval that day (after any absence that morning).
 */
export function deliveryOn(profile: WorkingTimeProfile, ritual: RitualTiming, date: string): Delivery | null {
  return deliveryIf(profile, ritual, date, () => true);
}

/**
 * `deliveryOn`, kept only when `keep(deliverAt)` holds. A wall-clock time is known before the day's
 * working time, so a sweep's dates outside its window cost one conversion, not the working-time work.
 */
function deliveryIf(
  profile: WorkingTimeProfile,
  ritual: RitualTiming,
  date: string,
  keep: (deliverAt: Instant) => boolean,
): Delivery | null {
  if (!ritual.schedule.days.includes(weekdayOfDate(date))) return null;
  const timeZone = zoneOnDate(profile, date);
  const minutes = parseTimeOfDay(ritual.schedule.localTime);
  if (minutes !== null && !keep(localToInstant(timeZone, date, minutes))) return null;
  // The day's own working time: the pattern's spans never cross local midnight, so clipping to the
  // local day keeps exactly that date's spans, absences already subtracted.
  const working = workingIntervals(profile, localDayToInstantRange(timeZone, date));
  const first = working[0];
  if (!first) return null;
  const deliverAt = minutes === null ? first.start : localToInstant(timeZone, date, minutes);
  if (!keep(deliverAt)) return null;
  const closesAt = deliverAt + ritual.windowHours * HOUR_MS;
  const { lateAfter, remind } = lateAfterOf(
    profile,
    deliverAt + (ritual.windowHours * HOUR_MS) / 2,
    closesAt,
  );
  return { localDate: date, timeZone, deliverAt, lateAfter, closesAt, remind };
}

/**
 * Half-way, or the next start of the person's working time before the window closes (so a reminder
 * never reaches them at night or on a day off); the close itself when no working time is left.
 */
function lateAfterOf(
  profile: WorkingTimeProfile,
  halfWay: Instant,
  closesAt: Instant,
): { lateAfter: Instant; remind: boolean } {
  const next = workingIntervals(profile, { start: halfWay, end: closesAt })[0];
  if (!next) return { lateAfter: closesAt, remind: false };
  return { lateAfter: next.start, remind: true };
}

/** Deliveries whose window holds `now` (deliverAt ≤ now < closesAt), oldest first. */
export function openDeliveries(profile: WorkingTimeProfile, ritual: RitualTiming, now: Instant): Delivery[] {
  // A local date is at most a day away from the UTC date of any instant in it (offsets stay within
  // ±14 hours), so these dates hold every delivery made in the last `windowHours`.
  const firstDay = utcDay(now - ritual.windowHours * HOUR_MS - DAY_MS);
  const lastDay = utcDay(now + DAY_MS);
  const windowMs = ritual.windowHours * HOUR_MS;
  return deliveriesBetween(profile, ritual, firstDay, lastDay, (at) => at <= now && now < at + windowMs);
}

/** The first delivery at or after `from`, looking `horizonDays` ahead; null if none. */
export function nextDelivery(
  profile: WorkingTimeProfile,
  ritual: RitualTiming,
  from: Instant,
  horizonDays = 14,
): Delivery | null {
  const until = from + horizonDays * DAY_MS;
  const deliveries = deliveriesBetween(
    profile,
    ritual,
    utcDay(from) - 1,
    utcDay(until) + 1,
    (at) => at >= from && at < until,
  );
  return deliveries[0] ?? null;
}

/** The deliveries on the local dates `firstDay` … `lastDay` (epoch days) that `keep`, in order of `deliverAt`. */
function deliveriesBetween(
  profile: WorkingTimeProfile,
  ritual: RitualTiming,
  firstDay: number,
  lastDay: number,
  keep: (deliverAt: Instant) => boolean,
): Delivery[] {
  const deliveries: Delivery[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const delivery = deliveryIf(profile, ritual, epochDayToDate(day), keep);
    if (delivery) deliveries.push(delivery);
  }
  // Travel can reorder local dates and instants (flying west, a later date may come first).
  return deliveries.sort((a, b) => a.deliverAt - b.deliverAt);
}

function utcDay(instant: Instant): number {
  return Math.floor(instant / DAY_MS);
}
