import { DAY_MS, type Instant, type Interval, MINUTE_MS, offsetAt, subtractIntervals } from "../time";
import type { Inconvenience, InconvenienceKind } from "./types";

/** A slot that starts before 09:00 on the person's wall clock is early. */
export const EARLY_BEFORE_MINUTES = 9 * 60;
/** A slot that ends after 18:00 on the person's wall clock (of the day it starts) is late. */
export const LATE_AFTER_MINUTES = 18 * 60;

/**
 * Inconvenience points per kind; a slot may be several kinds at once (07:00 for someone who starts at
 * 09:00 is early and outside: 3 points). Outside working hours counts double: it takes time the person
 * does not work at all, while an early or late slot may still fall inside (flexible) working hours.
 */
export const INCONVENIENCE_WEIGHTS: Readonly<Record<InconvenienceKind, number>> = {
  early: 1,
  late: 1,
  outside: 2,
};

export const INCONVENIENCE_KINDS: readonly InconvenienceKind[] = ["early", "late", "outside"];

/**
 * How inconvenient `slot` is for one person, on their own wall clock: early (starts before 09:00),
 * late (ends after 18:00 of the local day it starts on) and outside (not inside one working interval).
 * `working` must be normalised. Pure: uses the zone's cached offset transitions, never the process zone.
 */
export function classifySlot(
  slot: Interval,
  attendee: { timeZone: string; working: readonly Interval[] },
): Inconvenience {
  const inWorkingHours = subtractIntervals([slot], attendee.working).length === 0;
  return classifyWithOffsets(
    slot,
    offsetAt(attendee.timeZone, slot.start),
    offsetAt(attendee.timeZone, slot.end),
    inWorkingHours,
  );
}

/** {@link classifySlot} when the UTC offsets at both ends and working-hours membership are known. */
export function classifyWithOffsets(
  slot: Interval,
  startOffsetMs: number,
  endOffsetMs: number,
  inWorkingHours: boolean,
): Inconvenience {
  return {
    early: startsEarly(slot.start, startOffsetMs),
    late: endsLate(slot.start, slot.end, startOffsetMs, endOffsetMs),
    outside: !inWorkingHours,
  };
}

/** Whether a slot starting at `start` (UTC offset `startOffsetMs`) starts before 09:00 local. */
export function startsEarly(start: Instant, startOffsetMs: number): boolean {
  const wall = start + startOffsetMs;
  return wall - Math.floor(wall / DAY_MS) * DAY_MS < EARLY_BEFORE_MINUTES * MINUTE_MS;
}

/** Whether `[start, end)` ends after 18:00 local of the day it starts on (midnight and beyond included). */
export function endsLate(start: Instant, end: Instant, startOffsetMs: number, endOffsetMs: number): boolean {
  const startWall = start + startOffsetMs;
  const localMidnight = Math.floor(startWall / DAY_MS) * DAY_MS;
  return end + endOffsetMs - localMidnight > LATE_AFTER_MINUTES * MINUTE_MS;
}

/** Weighted sum of the kinds present (see {@link INCONVENIENCE_WEIGHTS}). */
export function inconveniencePoints(inconvenience: Inconvenience): number {
  let points = 0;
  for (const kind of INCONVENIENCE_KINDS) if (inconvenience[kind]) points += INCONVENIENCE_WEIGHTS[kind];
  return points;
}
