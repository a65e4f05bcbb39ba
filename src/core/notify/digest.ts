import {
  DAY_MS,
  type Instant,
  MINUTE_MS,
  offsetAt,
  parseTimeOfDay,
  transitionsBetween,
  wallClockToInstant,
  type ZoneChange,
  ZoneSchedule,
} from "../time";

/** The digest's local time when the person has not chosen one. */
export const DEFAULT_DIGEST_TIME = "08:30";

export interface DigestInput {
  after: Instant;
  /** `HH:MM` on the person's wall clock. */
  localTime: string;
  person: { timeZone: string; zoneChanges?: readonly ZoneChange[] | undefined };
}

/**
 * The next instant strictly after `after` at which the person's wall clock — in the zone in force
 * that local day (travel) — shows `localTime`. When the clocks skip it (DST gap) the digest goes at
 * the first instant after it, the moment the clocks jump; when it shows twice (overlap), the first.
 */
export function nextDigestAt(input: DigestInput): Instant {
  const minutes = parseTimeOfDay(input.localTime);
  if (minutes === null) throw new RangeError(`not a time HH:MM: ${JSON.stringify(input.localTime)}`);
  const schedule = new ZoneSchedule(input.person.timeZone, input.person.zoneChanges);
  // Local days from two before to two after the UTC day of `after` cover every offset (±14 h)
  // with a full day to spare; with travel, days need not come in order, so take the earliest.
  const utcDay = Math.floor(input.after / DAY_MS);
  let best = Number.POSITIVE_INFINITY;
  for (let day = utcDay - 2; day <= utcDay + 2; day++) {
    const at = wallTimeOnDay(schedule.zoneOnDay(day), day * DAY_MS + minutes * MINUTE_MS);
    if (at > input.after && at < best) best = at;
  }
  return best;
}

/** The first instant showing `wallMs`, or, when a forward transition skips it, that transition. */
function wallTimeOnDay(zone: string, wallMs: number): Instant {
  const at = wallClockToInstant(zone, wallMs);
  if (at + offsetAt(zone, at) === wallMs) return at;
  // In a gap wallClockToInstant moves forward by the gap's length (RFC 5545); the clocks first
  // pass the skipped time at the transition itself, the last one at or before that instant.
  const jump = transitionsBetween(zone, at - DAY_MS, at).at(-1);
  return jump ? jump.at : at;
}
