import type { Rules } from "../../contracts/agreement";
import {
  formatTimeOfDay,
  type Instant,
  isWorkingAt,
  parseTimeOfDay,
  type WeekPattern,
  type WorkingTimeProfile,
} from "../time";

/** The agreement's `notificationHours`: each person's working hours, or one local window every day. */
export type NotificationHours = Rules["notificationHours"];

const MINUTES_PER_DAY = 1440;

/**
 * An explicit window as a week pattern, so that zones, DST, travel and absences go through the one
 * engine (`workingIntervals`) exactly as working hours do.
 * - Every day, weekends included: these are hours when a person may be notified, not working days.
 * - An end before the start crosses midnight: 22:00–06:00 is 22:00–24:00 plus 00:00–06:00 each day,
 *   which meet at midnight and merge into one night-long interval.
 * - `24:00` is the same wall time as `00:00`; a start equal to the end (00:00–24:00, 08:00–08:00)
 *   is the whole day — a window of no length would mean "never", which no one configures on purpose.
 */
function windowWeek(window: { start: string; end: string }): WeekPattern {
  const start = minutesOf(window.start) % MINUTES_PER_DAY;
  const end = minutesOf(window.end) % MINUTES_PER_DAY;
  const day = (from: number, to: number) => ({ start: formatTimeOfDay(from), end: formatTimeOfDay(to) });
  let spans: { start: string; end: string }[];
  if (start === end) spans = [day(0, MINUTES_PER_DAY)];
  else if (start < end) spans = [day(start, end)];
  else spans = end === 0 ? [day(start, MINUTES_PER_DAY)] : [day(0, end), day(start, MINUTES_PER_DAY)];
  return { mon: spans, tue: spans, wed: spans, thu: spans, fri: spans, sat: spans, sun: spans };
}

function minutesOf(time: string): number {
  const minutes = parseTimeOfDay(time, true);
  if (minutes === null) throw new RangeError(`not a time HH:MM: ${JSON.stringify(time)}`);
  return minutes;
}

/** The person with their notification hours in place of their working week (zone, travel and absences kept). */
export function notificationProfile(
  hours: NotificationHours,
  person: WorkingTimeProfile,
): WorkingTimeProfile {
  return hours === "working_hours" ? person : { ...person, week: windowWeek(hours) };
}

/** Whether `at` falls in the person's notification hours; never while they are absent. */
export function isInsideHours(input: {
  at: Instant;
  hours: NotificationHours;
  person: WorkingTimeProfile;
}): boolean {
  return isWorkingAt(notificationProfile(input.hours, input.person), input.at);
}
