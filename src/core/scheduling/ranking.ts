import { formatTimeOfDay, type Instant, instantToLocal } from "../time";
import { slotBlockers } from "./blockers";
import { type AttendeeFacts, compareRanked } from "./score";
import type { Attendee, Slot } from "./types";

/** What presenting a slot needs to know about each attendee. */
export type PresentedFacts = Pick<AttendeeFacts, "free" | "inWorkingHours" | "focusMs" | "noMeetingDay">;

/** A scored candidate with each attendee's facts, in attendee order. */
export interface RankedCandidate {
  start: Instant;
  end: Instant;
  score: number;
  facts: PresentedFacts[];
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

/**
 * The best `limit` of `candidates` (any order), best first, no two starting closer than `spreadMs`:
 * greedy in ranking order, so a slot gives way only to a better (or equally good, earlier) one nearby.
 */
export function pickSpread(candidates: ScoredStart[], limit: number, spreadMs: number): ScoredStart[] {
  const picked: ScoredStart[] = [];
  if (limit <= 0) return picked;
  candidates.sort(compareRanked);
  for (const candidate of candidates) {
    if (picked.some((p) => Math.abs(p.start - candidate.start) < spreadMs)) continue;
    picked.push(candidate);
    if (picked.length === limit) break;
  }
  return picked;
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
      free: candidate.facts[i]?.free ?? false,
      inWorkingHours: candidate.facts[i]?.inWorkingHours ?? false,
      localStart: localStartIn(attendee.timeZone),
    })),
    blockers: slotBlockers(attendees, candidate.facts, candidate.start, candidate.end, localStartIn),
  };
}
