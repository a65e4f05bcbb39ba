import {
  type Attendee,
  type AttendeeFacts,
  attendeePenalty,
  compareRanked,
  countFragments,
  localDayStart,
  localWeekdayIndex,
  outsideDistance,
  presentSlot,
  resolveQuery,
  type Slot,
  type SlotQuery,
  scoreFromPenalty,
} from "../../src/core/scheduling";
import { DAY_MS, type Interval, mergeIntervals, offsetAt } from "../../src/core/time";

interface NaiveCandidate {
  start: number;
  end: number;
  score: number;
  facts: AttendeeFacts[];
}

/**
 * The naive slot finder the benchmark compares against, as issue 3 describes it: every aligned start in
 * the window is a candidate, and for each one every attendee's sorted lists (busy, working, focus) are
 * scanned from the beginning; the required attendees decide whether the candidate stands. It uses the
 * engine's scoring (`attendeePenalty`) and the same spread pick, so both must rank identically. With
 * `earlyExit`, required attendees are scanned first and a candidate is dropped at the first conflict.
 */
export function findSlotsNaive(query: SlotQuery, options: { earlyExit?: boolean } = {}): Slot[] {
  const q = resolveQuery(query);
  const order = [...q.attendees.keys()].sort(
    (a, b) => Number(q.attendees[b]?.required) - Number(q.attendees[a]?.required),
  );
  const dayLoad = q.rules.dailyBudgetMs > 0;
  const busyLists = q.attendees.map((a) => (dayLoad ? mergeIntervals(a.busy) : []));
  const ranked: NaiveCandidate[] = [];
  const first = Math.ceil(q.window.start / q.stepMs) * q.stepMs;
  for (let start = first; start + q.durationMs <= q.window.end; start += q.stepMs) {
    const end = start + q.durationMs;
    const facts: AttendeeFacts[] = [];
    let feasible = true;
    for (const i of order) {
      const attendee = q.attendees[i] as Attendee;
      const fact = scanFacts(attendee, busyLists[i] ?? [], start, end, q.bufferMs, q.noMeetingMask);
      facts[i] = fact;
      if (attendee.required && !(fact.free && (q.allowOutsideWorkingHours || fact.inWorkingHours))) {
        feasible = false;
        if (options.earlyExit) break;
      }
    }
    if (!feasible) continue;
    let penalty = 0;
    q.attendees.forEach((attendee, i) => {
      penalty += attendeePenalty(attendee, facts[i] as AttendeeFacts, start, end, q.rules);
    });
    ranked.push({ start, end, score: scoreFromPenalty(penalty), facts });
  }
  ranked.sort(compareRanked);
  const picked: NaiveCandidate[] = [];
  for (const candidate of ranked) {
    if (picked.length >= q.limit) break;
    if (picked.every((p) => Math.abs(p.start - candidate.start) >= q.spreadMs)) picked.push(candidate);
  }
  return picked.map((candidate) => presentSlot(candidate, q.attendees));
}

function scanFacts(
  attendee: Attendee,
  busyList: readonly Interval[],
  start: number,
  end: number,
  bufferMs: number,
  noMeetingMask: number,
): AttendeeFacts {
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
  let previous: Interval | undefined;
  let current: Interval | undefined;
  for (const working of attendee.working) {
    if (working.end <= start) previous = working;
    else if (!current) current = working;
  }
  const shift = current && current.start <= start && end <= current.end ? current : undefined;
  let focusMs = 0;
  for (const block of attendee.focus ?? []) {
    if (block.start >= end) break;
    if (block.end > start) focusMs += Math.min(end, block.end) - Math.max(start, block.start);
  }
  const fragments =
    attendee.required && free && shift
      ? countFragments(Math.max(shift.start, freeFrom), Math.min(shift.end, freeUntil), start, end)
      : 0;
  const startOffsetMs = offsetAt(attendee.timeZone, start);
  const day = localDayStart(start, startOffsetMs);
  let dayBusyMs = 0;
  for (const busy of busyList) // empty unless a daily budget applies, as in the engine
    dayBusyMs += Math.max(0, Math.min(day + DAY_MS, busy.end) - Math.max(day, busy.start));
  return {
    free,
    inWorkingHours: shift !== undefined,
    hoursDistanceMs: shift
      ? Math.min(start - shift.start, shift.end - end)
      : outsideDistance(current, previous, start, end),
    startOffsetMs,
    endOffsetMs: offsetAt(attendee.timeZone, end),
    fragments,
    focusMs,
    dayBusyMs,
    noMeetingDay: (noMeetingMask & (1 << localWeekdayIndex(start, startOffsetMs))) !== 0,
  };
}
