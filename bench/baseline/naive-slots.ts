import {
  type Attendee,
  type AttendeeFacts,
  attendeePenalty,
  compareRanked,
  countFragments,
  presentSlot,
  type RankedCandidate,
  resolveQuery,
  type Slot,
  type SlotQuery,
  scoreFromPenalty,
} from "../../src/core/scheduling";
import { offsetAt } from "../../src/core/time";

/**
 * The naive slot finder the benchmark compares against, as issue 3 describes it: every aligned start in
 * the window is a candidate, and for each one every attendee's sorted lists (busy, working, focus) are
 * scanned from the beginning; the required attendees decide whether the candidate stands. It uses the
 * engine's scoring (`attendeePenalty`), so both must rank identically. With `earlyExit`, required
 * attendees are scanned first and a candidate is dropped at the first conflict (a kinder baseline).
 */
export function findSlotsNaive(query: SlotQuery, options: { earlyExit?: boolean } = {}): Slot[] {
  const q = resolveQuery(query);
  const order = [...q.attendees.keys()].sort(
    (a, b) => Number(q.attendees[b]?.required) - Number(q.attendees[a]?.required),
  );
  const ranked: RankedCandidate[] = [];
  const first = Math.ceil(q.window.start / q.stepMs) * q.stepMs;
  for (let start = first; start + q.durationMs <= q.window.end; start += q.stepMs) {
    const end = start + q.durationMs;
    const facts: AttendeeFacts[] = [];
    let feasible = true;
    for (const i of order) {
      const attendee = q.attendees[i] as Attendee;
      const fact = scanFacts(attendee, start, end, q.bufferMs);
      facts[i] = fact;
      if (attendee.required && !(fact.free && (q.allowOutsideWorkingHours || fact.inWorkingHours))) {
        feasible = false;
        if (options.earlyExit) break;
      }
    }
    if (!feasible) continue;
    let penalty = 0;
    q.attendees.forEach((attendee, i) => {
      penalty += attendeePenalty(attendee, facts[i] as AttendeeFacts, start, end);
    });
    ranked.push({
      start,
      end,
      score: scoreFromPenalty(penalty),
      free: facts.map((f) => f.free),
      inWorkingHours: facts.map((f) => f.inWorkingHours),
    });
  }
  ranked.sort(compareRanked);
  return ranked.slice(0, q.limit).map((candidate) => presentSlot(candidate, q.attendees));
}

function scanFacts(attendee: Attendee, start: number, end: number, bufferMs: number): AttendeeFacts {
  let free = true;
  let freeFrom = Number.NEGATIVE_INFINITY;
  let freeUntil = Number.POSITIVE_INFINITY;
  for (const busy of attendee.busy) {
    const blockedStart = busy.start - bufferMs;
    const blockedEnd = busy.end + bufferMs;
    if (blockedStart >= end) {
      freeUntil = Math.min(freeUntil, blockedStart);
      break;
    }
    if (blockedEnd > start) free = false;
    else freeFrom = Math.max(freeFrom, blockedEnd);
  }
  let shift: { start: number; end: number } | undefined;
  for (const working of attendee.working) {
    if (working.start > start) break;
    if (end <= working.end) shift = working;
  }
  let focusMs = 0;
  for (const block of attendee.focus ?? []) {
    if (block.start >= end) break;
    if (block.end > start) focusMs += Math.min(end, block.end) - Math.max(start, block.start);
  }
  const fragments =
    attendee.required && free && shift
      ? countFragments(Math.max(shift.start, freeFrom), Math.min(shift.end, freeUntil), start, end)
      : 0;
  return {
    free,
    inWorkingHours: shift !== undefined,
    startOffsetMs: offsetAt(attendee.timeZone, start),
    endOffsetMs: offsetAt(attendee.timeZone, end),
    fragments,
    focusMs,
  };
}
