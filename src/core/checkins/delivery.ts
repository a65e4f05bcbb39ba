import type { CheckinSchedule } from "../../contracts/checkins";
import type { Instant, WorkingTimeProfile } from "../time";

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
 * none: not one of the ritual's days, or no working time that day (a day off in their pattern, or
 * absent — an absence covering the day's working time). `localTime` "HH:MM" is that wall-clock time
 * (in a DST gap: moved forward by the gap; repeated: the first); "start_of_day" is the start of their
 * first working interval that day.
 */
export function deliveryOn(profile: WorkingTimeProfile, ritual: RitualTiming, date: string): Delivery | null {
  void profile;
  void ritual;
  void date;
  throw new Error("not yet written");
}

/** Deliveries whose window holds `now` (deliverAt ≤ now < closesAt), oldest first. */
export function openDeliveries(profile: WorkingTimeProfile, ritual: RitualTiming, now: Instant): Delivery[] {
  void profile;
  void ritual;
  void now;
  throw new Error("not yet written");
}

/** The first delivery at or after `from`, looking `horizonDays` ahead; null if none. */
export function nextDelivery(
  profile: WorkingTimeProfile,
  ritual: RitualTiming,
  from: Instant,
  horizonDays = 14,
): Delivery | null {
  void profile;
  void ritual;
  void from;
  void horizonDays;
  throw new Error("not yet written");
}
