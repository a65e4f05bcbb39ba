import { type Interval, intersectIntervals, MINUTE_MS, subtractIntervals } from "../time";
import { AttendeeTrack } from "./attendee-track";
import { pickSpread, presentSlot, type RankedCandidate, type ScoredStart, TopCandidates } from "./ranking";
import { attendeePenalty, type ScoreRules, scoreFromPenalty, weekdayMask } from "./score";
import type { Slot, SlotQuery } from "./types";

/** The query with defaults applied, durations in milliseconds; throws `RangeError` on nonsense. */
export function resolveQuery(query: SlotQuery) {
  const { durationMinutes, window } = query;
  const granularityMinutes = query.granularityMinutes ?? 15;
  const bufferMinutes = query.bufferMinutes ?? 0;
  const limit = query.limit ?? 10;
  const spreadMinutes = query.spreadMinutes ?? 60;
  const dailyMeetingHours = query.dailyMeetingHours ?? 0;
  if (!(Number.isFinite(durationMinutes) && durationMinutes > 0))
    throw new RangeError(`durationMinutes must be a positive number: ${durationMinutes}`);
  if (!(Number.isInteger(granularityMinutes) && granularityMinutes > 0))
    throw new RangeError(`granularityMinutes must be a positive whole number: ${granularityMinutes}`);
  if (!(Number.isFinite(bufferMinutes) && bufferMinutes >= 0))
    throw new RangeError(`bufferMinutes must be a number ≥ 0: ${bufferMinutes}`);
  if (!(Number.isInteger(limit) && limit >= 0))
    throw new RangeError(`limit must be a whole number ≥ 0: ${limit}`);
  if (!(Number.isFinite(spreadMinutes) && spreadMinutes >= 0))
    throw new RangeError(`spreadMinutes must be a number ≥ 0: ${spreadMinutes}`);
  if (!(Number.isFinite(dailyMeetingHours) && dailyMeetingHours >= 0))
    throw new RangeError(`dailyMeetingHours must be a number ≥ 0: ${dailyMeetingHours}`);
  if (!(window.end > window.start)) throw new RangeError("the window must end after it starts");
  return {
    attendees: query.attendees,
    window,
    durationMs: Math.round(durationMinutes * MINUTE_MS),
    stepMs: granularityMinutes * MINUTE_MS,
    bufferMs: Math.round(bufferMinutes * MINUTE_MS),
    limit,
    spreadMs: Math.round(spreadMinutes * MINUTE_MS),
    noMeetingMask: weekdayMask(query.noMeetingDays ?? []),
    rules: { dailyBudgetMs: Math.round(dailyMeetingHours * 60 * MINUTE_MS) } satisfies ScoreRules,
    allowOutsideWorkingHours: query.allowOutsideWorkingHours ?? false,
  };
}

type ResolvedQuery = ReturnType<typeof resolveQuery>;

/**
 * Where every required attendee can meet: the window intersected with each required attendee's free
 * time (working − busy widened by the buffer), or only their unblocked time when working hours are soft.
 */
function feasibleTime(required: readonly AttendeeTrack[], q: ResolvedQuery): Interval[] {
  let feasible: Interval[] = [q.window];
  for (const track of required) {
    const available = q.allowOutsideWorkingHours
      ? subtractIntervals([q.window], track.blocked)
      : track.freeTime;
    feasible = intersectIntervals(feasible, available);
    if (feasible.length === 0) break;
  }
  return feasible;
}

/** Candidate starts in time order: multiples of the step (in UTC epoch time) whose slot fits a feasible span. */
function candidateStarts(feasible: readonly Interval[], q: ResolvedQuery): Float64Array {
  const starts: number[] = [];
  for (const span of feasible) {
    for (
      let start = Math.ceil(span.start / q.stepMs) * q.stepMs;
      start + q.durationMs <= span.end;
      start += q.stepMs
    )
      starts.push(start);
  }
  return Float64Array.from(starts);
}

/**
 * Each candidate's summed penalty, attendee by attendee (one person's lists stay in cache), each track
 * sweeping the candidates in time order with forward-only pointers.
 */
function penalties(q: ResolvedQuery, starts: Float64Array, tracks: readonly AttendeeTrack[]): Float64Array {
  const sums = new Float64Array(starts.length);
  for (const track of tracks) {
    for (let c = 0; c < starts.length; c++) {
      const start = starts[c] as number;
      const end = start + q.durationMs;
      track.visit(start, end);
      sums[c] = (sums[c] as number) + attendeePenalty(track.attendee, track, start, end, q.rules);
    }
  }
  return sums;
}

/** The chosen candidates with every attendee's flags, from one more forward sweep per track over them. */
function describe(q: ResolvedQuery, best: readonly ScoredStart[], tracks: readonly AttendeeTrack[]): Slot[] {
  const ranked: RankedCandidate[] = best.map((candidate) => ({
    ...candidate,
    end: candidate.start + q.durationMs,
    facts: [],
  }));
  const inTimeOrder = [...ranked].sort((a, b) => a.start - b.start);
  for (const track of tracks) {
    track.rewind();
    for (const candidate of inTimeOrder) {
      track.visit(candidate.start, candidate.end);
      const { free, inWorkingHours, focusMs, noMeetingDay } = track;
      candidate.facts.push({ free, inWorkingHours, focusMs, noMeetingDay });
    }
  }
  return ranked.map((candidate) => presentSlot(candidate, q.attendees));
}

/** The best candidates: a streaming top-`limit` when they may sit side by side, else a spread pick. */
function bestStarts(q: ResolvedQuery, starts: Float64Array, sums: Float64Array): ScoredStart[] {
  if (q.spreadMs === 0) {
    const top = new TopCandidates(q.limit);
    for (let c = 0; c < starts.length; c++)
      top.offer({ start: starts[c] as number, score: scoreFromPenalty(sums[c] as number) });
    return top.best();
  }
  const all: ScoredStart[] = new Array(starts.length);
  for (let c = 0; c < starts.length; c++)
    all[c] = { start: starts[c] as number, score: scoreFromPenalty(sums[c] as number) };
  return pickSpread(all, q.limit, q.spreadMs);
}

/**
 * The best `limit` slots of `durationMinutes` inside the window, best first (ties: earlier start), no
 * two starting within `spreadMinutes` of each other.
 * Required attendees must be free (busy ± buffer is hard) and, unless `allowOutsideWorkingHours`,
 * inside working hours; everything else is scored (see `SCORE_WEIGHTS`).
 *
 * Cost: the feasible set comes from sweeps over sorted lists (O(total intervals)); candidate starts are
 * enumerated only inside it; scoring walks each attendee's lists once with forward-only pointers:
 * O(total intervals + candidates × attendees) time, O(candidates) memory; no per-minute grid, no rescans.
 * Day loads come from running totals, once per attendee and local day. Spreading sorts the candidates
 * (O(candidates log candidates)), then picks greedily.
 */
export function findSlots(query: SlotQuery): Slot[] {
  const q = resolveQuery(query);
  const tracks = q.attendees.map(
    (attendee) =>
      new AttendeeTrack(attendee, q.bufferMs, q.window, q.noMeetingMask, q.rules.dailyBudgetMs > 0),
  );
  const feasible = feasibleTime(
    tracks.filter((track) => track.attendee.required),
    q,
  );
  const starts = candidateStarts(feasible, q);
  const sums = penalties(q, starts, tracks);
  return describe(q, bestStarts(q, starts, sums), tracks);
}
