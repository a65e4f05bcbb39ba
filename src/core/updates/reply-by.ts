import { addWorkingHours, type Instant, type Interval } from "../time";

/** When a required responder is reminded, as shares of their own working time to the reply-by. */
export const REMIND_AT_SHARE = 0.5;
export const LATE_REMIND_AT_SHARE = 0.9;

export interface ResponderDeadline {
  /** When they have had `hours` of their own working time after `at`; null if not within their intervals. */
  replyBy: Instant | null;
  /** About half-way through their time (inside their working hours); null when there is nothing to remind of. */
  remindAt: Instant | null;
  /** About 90% through their time; null like `remindAt`. */
  lateRemindAt: Instant | null;
}

/**
 * One required responder's reply-by and reminder times, from their own working intervals
 * (normalised, absences removed, zones and DST already applied by `workingIntervals`). Each reminder
 * falls inside their working time, so it never reaches them at night: one that would land exactly
 * where a working span ends is sent when the next span starts (the same share of their time has
 * passed then). No reminders when the reply-by is the posting itself (0 hours) or never comes.
 */
export function responderDeadline(
  working: readonly Interval[],
  at: Instant,
  hours: number,
): ResponderDeadline {
  const replyBy = addWorkingHours(working, at, hours);
  if (replyBy === null || hours === 0) return { replyBy, remindAt: null, lateRemindAt: null };
  return {
    replyBy,
    remindAt: insideWorkingTime(working, addWorkingHours(working, at, hours * REMIND_AT_SHARE)),
    lateRemindAt: insideWorkingTime(working, addWorkingHours(working, at, hours * LATE_REMIND_AT_SHARE)),
  };
}

/** `instant` if a working interval holds it (half-open), else the start of the next interval. */
function insideWorkingTime(working: readonly Interval[], instant: Instant | null): Instant | null {
  if (instant === null) return null;
  const next = working.find((interval) => instant < interval.end);
  if (!next) return null;
  return Math.max(instant, next.start);
}
