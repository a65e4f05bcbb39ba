import { DAY_MS, dateToEpochDay, epochDayToDate, MINUTE_MS, pad2, weekdayOfEpochDay } from "./dates";
import { constantOffsetBetween, offsetAt, transitionsBetween } from "./transitions";
import type { Instant, LocalDateTime } from "./types";

export { isValidTimeZone } from "../../contracts/time-zone";
export { offsetAt, type Transition, transitionsBetween } from "./transitions";

/**
 * The instant at which the wall clock of `timeZone` shows `wallMs` (local date and time encoded as
 * if it were UTC epoch milliseconds). RFC 5545 disambiguation: a wall time skipped by a forward
 * transition moves forward by the length of the gap; a repeated wall time takes its first occurrence.
 */
export function wallClockToInstant(timeZone: string, wallMs: number): Instant {
  const searchStart = wallMs - 2 * DAY_MS;
  const searchEnd = wallMs + 2 * DAY_MS;
  const steadyOffset = constantOffsetBetween(timeZone, searchStart, searchEnd);
  if (steadyOffset !== undefined) return wallMs - steadyOffset;
  const initialOffset = offsetAt(timeZone, searchStart);
  const transitions = transitionsBetween(timeZone, searchStart, searchEnd);

  let offset = initialOffset;
  let segmentStart = Number.NEGATIVE_INFINITY;
  for (let i = 0; i <= transitions.length; i++) {
    const segmentEnd = transitions[i]?.at ?? Number.POSITIVE_INFINITY;
    const candidate = wallMs - offset;
    if (candidate >= segmentStart && candidate < segmentEnd) return candidate;
    segmentStart = segmentEnd;
    offset = transitions[i]?.after ?? offset;
  }
  for (const transition of transitions) {
    const gapStart = transition.at + transition.before;
    const gapEnd = transition.at + transition.after;
    if (wallMs >= gapStart && wallMs < gapEnd) return wallMs - transition.before;
  }
  return wallMs - initialOffset;
}

/** The instant of `minutesOfDay` after local midnight of `date` (`YYYY-MM-DD`) in `timeZone`. */
export function localToInstant(timeZone: string, date: string, minutesOfDay: number): Instant {
  return wallClockToInstant(timeZone, dateToEpochDay(date) * DAY_MS + minutesOfDay * MINUTE_MS);
}

/** Local date, minute of day and weekday of `instant` on the wall clock of `timeZone`. */
export function instantToLocal(timeZone: string, instant: Instant): LocalDateTime {
  const offsetMs = offsetAt(timeZone, instant);
  const wallMs = instant + offsetMs;
  const epochDay = Math.floor(wallMs / DAY_MS);
  const minutes = Math.floor((wallMs - epochDay * DAY_MS) / MINUTE_MS);
  return { date: epochDayToDate(epochDay), minutes, weekday: weekdayOfEpochDay(epochDay), offsetMs };
}

/** `"+05:30"`, `"-04:00"`, `"+12:45"`; seconds are shown only when not zero (historical offsets). */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? "-" : "+";
  const totalSeconds = Math.round(Math.abs(offsetMs) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return `${sign}${pad2(hours)}:${pad2(minutes)}${seconds === 0 ? "" : `:${pad2(seconds)}`}`;
}

/** ISO 8601 local date-time with offset, e.g. `"2026-03-29T03:00:00+01:00"` (whole seconds). */
export function formatLocal(timeZone: string, instant: Instant): string {
  const offsetMs = offsetAt(timeZone, instant);
  const wall = new Date(Math.floor((instant + offsetMs) / 1000) * 1000);
  const date = epochDayToDate(Math.floor(wall.getTime() / DAY_MS));
  const time = `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}:${pad2(wall.getUTCSeconds())}`;
  return `${date}T${time}${formatOffset(offsetMs)}`;
}
