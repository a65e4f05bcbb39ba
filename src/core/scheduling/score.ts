import type { Instant } from "../time";
import { endsLate, INCONVENIENCE_WEIGHTS, startsEarly } from "./inconvenience";
import type { Attendee } from "./types";

/**
 * Every slot starts at `perfect` and loses a penalty per attendee:
 * - inconvenience points (early/late/outside, see `INCONVENIENCE_WEIGHTS`) × `inconveniencePoint`,
 *   multiplied by `1 + burden / burdenScale` so people who already carry a lot weigh more;
 * - `optionalBusy` for each optional attendee who is busy (required ones are never busy in a slot);
 * - `fragment` for each side of the slot that leaves a required attendee a free gap shorter than
 *   `fragmentBelowMinutes` (too short to use);
 * - `focus` × the fraction of the slot that overlaps the attendee's focus blocks.
 */
export const SCORE_WEIGHTS = {
  perfect: 100,
  inconveniencePoint: 4,
  burdenScale: 10,
  optionalBusy: 10,
  fragment: 2,
  fragmentBelowMinutes: 30,
  focus: 3,
} as const;

/** What the scorer needs to know about one attendee and one candidate slot. */
export interface AttendeeFacts {
  free: boolean;
  inWorkingHours: boolean;
  startOffsetMs: number;
  endOffsetMs: number;
  /** Sides (0–2) of the slot that leave a short free gap; counted for required attendees only. */
  fragments: number;
  /** Milliseconds of the slot inside focus blocks. */
  focusMs: number;
}

/** The penalty one attendee gives the slot `[start, end)`. Allocation-free: it runs per candidate × attendee. */
export function attendeePenalty(
  attendee: Attendee,
  facts: AttendeeFacts,
  start: Instant,
  end: Instant,
): number {
  let points = facts.inWorkingHours ? 0 : INCONVENIENCE_WEIGHTS.outside;
  if (startsEarly(start, facts.startOffsetMs)) points += INCONVENIENCE_WEIGHTS.early;
  if (endsLate(start, end, facts.startOffsetMs, facts.endOffsetMs)) points += INCONVENIENCE_WEIGHTS.late;
  let penalty = 0;
  if (points > 0) {
    const burdenFactor = 1 + (attendee.burden ?? 0) / SCORE_WEIGHTS.burdenScale;
    penalty = points * SCORE_WEIGHTS.inconveniencePoint * burdenFactor;
  }
  if (attendee.required) penalty += facts.fragments * SCORE_WEIGHTS.fragment;
  else if (!facts.free) penalty += SCORE_WEIGHTS.optionalBusy;
  if (facts.focusMs > 0) penalty += (facts.focusMs / (end - start)) * SCORE_WEIGHTS.focus;
  return penalty;
}

/** Score from the summed penalties, rounded to 1/1000 so equal slots compare equal. */
export function scoreFromPenalty(penalty: number): number {
  return Math.round((SCORE_WEIGHTS.perfect - penalty) * 1000) / 1000;
}

/** Sides of `[start, end)` that leave a gap shorter than the threshold inside the free interval holding it. */
export function countFragments(freeStart: Instant, freeEnd: Instant, start: Instant, end: Instant): number {
  const threshold = SCORE_WEIGHTS.fragmentBelowMinutes * 60_000;
  const before = start - freeStart;
  const after = freeEnd - end;
  return (before > 0 && before < threshold ? 1 : 0) + (after > 0 && after < threshold ? 1 : 0);
}

/** Ranking order: higher score first, then the earlier start. */
export function compareRanked(a: { score: number; start: Instant }, b: { score: number; start: Instant }) {
  return b.score - a.score || a.start - b.start;
}
