import { addWorkingHours, type Instant, type Interval } from "../time";

/** When a required responder is reminded, as shares of their own working time to the reply-by. */
export const REMIND_AT_SHARE = 0.5;
export const LATE_REMIND_AT_SHARE = 0.9;

export interface ResponderDeadline {
  /** When they have had `hours` of their own working time after `at`; null if not within their intervals. */
  replyBy: Instant | null;
  /** About half-way through their time (inside their working hours). */
  remindAt: Instant | null;
  /** About 90% through their time. */
  lateRemindAt: Instant | null;
}

/**
 * One required responder's reply-by and reminder times, from their own working intervals
 * (absences removed, zones and DST already applied by `workingIntervals`). Each instant falls
 * inside their working time, so a reminder never reaches them at night.
 */
export function responderDeadline(
  working: readonly Interval[],
  at: Instant,
  hours: number,
): ResponderDeadline {
  return {
    replyBy: addWorkingHours(working, at, hours),
    remindAt: addWorkingHours(working, at, hours * REMIND_AT_SHARE),
    lateRemindAt: addWorkingHours(working, at, hours * LATE_REMIND_AT_SHARE),
  };
}
