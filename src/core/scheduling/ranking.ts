import { formatTimeOfDay, type Instant, instantToLocal } from "../time";
import { compareRanked } from "./score";
import type { Attendee, Slot } from "./types";

/** A scored candidate with each attendee's free / in-working-hours flags, in attendee order. */
export interface RankedCandidate {
  start: Instant;
  end: Instant;
  score: number;
  free: boolean[];
  inWorkingHours: boolean[];
}

/** A candidate's start and score, before the attendees' flags are known. */
export interface ScoredStart {
  start: Instant;
  score: number;
}

/**
 * The best `limit` candidates seen so far, best first. Candidates must be offered in increasing start
 * order: a candidate then enters only when it scores strictly better than the worst kept one, which makes
 * "earlier start first" the tie-break without comparing starts. O(limit) per admitted candidate.
 */
export class TopCandidates {
  private readonly kept: ScoredStart[] = [];

  constructor(private readonly limit: number) {}

  offer(candidate: ScoredStart): void {
    if (this.limit <= 0) return;
    const worst = this.kept[this.limit - 1];
    if (worst !== undefined && candidate.score <= worst.score) return;
    let index = this.kept.length;
    while (index > 0 && compareRanked(candidate, this.kept[index - 1] as ScoredStart) < 0) index--;
    this.kept.splice(index, 0, candidate);
    if (this.kept.length > this.limit) this.kept.pop();
  }

  best(): ScoredStart[] {
    return [...this.kept];
  }
}

/** `"YYYY-MM-DDTHH:MM"` of `instant` on the wall clock of `timeZone`. */
export function localMinute(timeZone: string, instant: Instant): string {
  const local = instantToLocal(timeZone, instant);
  return `${local.date}T${formatTimeOfDay(local.minutes)}`;
}

/** The public shape of a ranked candidate; `localStart` is computed once per zone. */
export function presentSlot(candidate: RankedCandidate, attendees: readonly Attendee[]): Slot {
  const localStarts = new Map<string, string>();
  const localStartIn = (timeZone: string) => {
    let local = localStarts.get(timeZone);
    if (local === undefined) {
      local = localMinute(timeZone, candidate.start);
      localStarts.set(timeZone, local);
    }
    return local;
  };
  return {
    start: candidate.start,
    end: candidate.end,
    score: candidate.score,
    attendees: attendees.map((attendee, i) => ({
      personId: attendee.personId,
      free: candidate.free[i] ?? false,
      inWorkingHours: candidate.inWorkingHours[i] ?? false,
      localStart: localStartIn(attendee.timeZone),
    })),
  };
}
