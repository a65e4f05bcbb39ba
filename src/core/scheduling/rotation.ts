import { DAY_MS, type Instant, type Interval, MINUTE_MS } from "../time";
import { AttendeeTrack } from "./attendee-track";
import { classifyWithOffsets, INCONVENIENCE_KINDS, inconveniencePoints } from "./inconvenience";
import { type Burdens, compareKeys, fixedTimePlans, improve, keyOf, planBurdens } from "./rotation-search";
import type { Inconvenience, InconvenienceKind } from "./types";

const WEEK_MS = 7 * DAY_MS;

export interface RotationAttendee {
  personId: string;
  timeZone: string;
  /** Normalised working time covering every occurrence's week (e.g. from `workingIntervals`). */
  working: Interval[];
  /** Inconvenience already carried (ledger); the plan evens out prior + new burden. */
  burden?: number;
}

export interface RotationQuery {
  attendees: readonly RotationAttendee[];
  durationMinutes: number;
  occurrences: number;
  cadence: "weekly";
  /** Start of the first week's 24-hour cycle of candidate times (rounded up to a multiple of the step in UTC). */
  from: Instant;
  /** Distance between candidate times within each 24-hour cycle; divides 1440. Default 60. */
  stepMinutes?: number;
}

export interface PlannedOccurrence {
  start: Instant;
  end: Instant;
  burden: { personId: string; kind: InconvenienceKind }[];
}

export interface RotationPlan {
  occurrences: PlannedOccurrence[];
  /** Inconvenience points this rotation adds per person (see `INCONVENIENCE_WEIGHTS`). */
  burdenByPerson: Record<string, number>;
}

function validate(query: RotationQuery): number {
  const step = query.stepMinutes ?? 60;
  if (query.cadence !== "weekly") throw new RangeError(`unsupported cadence: ${query.cadence}`);
  if (!(Number.isInteger(query.occurrences) && query.occurrences >= 1 && query.occurrences <= 520))
    throw new RangeError(`occurrences must be a whole number from 1 to 520: ${query.occurrences}`);
  if (!(Number.isFinite(query.durationMinutes) && query.durationMinutes > 0))
    throw new RangeError(`durationMinutes must be a positive number: ${query.durationMinutes}`);
  if (!(Number.isInteger(step) && step > 0 && 1440 % step === 0))
    throw new RangeError(`stepMinutes must be a whole number dividing 1440: ${step}`);
  return step * MINUTE_MS;
}

/**
 * Times for a weekly meeting whose inconvenience is shared out. Week k's candidates are the starts
 * `from + k weeks + j × step` for every j in one 24-hour cycle; each is classified on every attendee's
 * wall clock in that very week, so clock changes between weeks are honoured.
 *
 * Objective, compared lexicographically: the largest per-person burden (prior + this rotation), then
 * the total, then the sum of squares (the more even spread). Exact search is exponential (the state is a
 * vector of burdens), so the planner takes the better of two local searches: one seeded greedily week by
 * week, one seeded with the best fixed time (the same UTC time, or the same wall-clock time in any
 * attendee's zone, every week). Local search only accepts strict improvements, so the result is never
 * worse than any fixed time. Deterministic: ties keep the earlier candidate.
 */
export function planRotation(query: RotationQuery): RotationPlan {
  const stepMs = validate(query);
  const durationMs = Math.round(query.durationMinutes * MINUTE_MS);
  const base = Math.ceil(query.from / stepMs) * stepMs;
  const perDay = DAY_MS / stepMs;
  const startOf = (week: number, j: number) => base + week * WEEK_MS + j * stepMs;
  const candidates = Array.from({ length: query.occurrences }, (_, week) =>
    Array.from({ length: perDay }, (_, j) => startOf(week, j)),
  );
  const costs = costMatrix(query.attendees, candidates, durationMs);
  const prior: Burdens = Float64Array.from(query.attendees, (a) => a.burden ?? 0);
  const better = (a: Int32Array, b: Int32Array) =>
    compareKeys(keyOf(planBurdens(costs, prior, a)), keyOf(planBurdens(costs, prior, b))) < 0 ? a : b;
  const zones = [...new Set(query.attendees.map((a) => a.timeZone))];
  const bestFixed = fixedTimePlans(zones, startOf, query.occurrences, perDay).reduce(better);
  const greedy = greedyPlan(costs, prior);
  const plan = better(improve(costs, prior, greedy), improve(costs, prior, bestFixed));
  return present(
    query.attendees,
    Array.from(plan, (j, week) => startOf(week, j)),
    durationMs,
  );
}

/** Classifies `starts` (in time order) for one attendee in a single forward sweep over their working time. */
function sweep(
  attendee: RotationAttendee,
  starts: readonly Instant[],
  durationMs: number,
  onVisit: (index: number, inconvenience: Inconvenience) => void,
): void {
  const window = { start: starts[0] ?? 0, end: (starts[starts.length - 1] ?? 0) + durationMs };
  const track = new AttendeeTrack({ ...attendee, required: false, busy: [] }, 0, window);
  starts.forEach((start, index) => {
    const end = start + durationMs;
    track.visit(start, end);
    const slot = { start, end };
    onVisit(index, classifyWithOffsets(slot, track.startOffsetMs, track.endOffsetMs, track.inWorkingHours));
  });
}

/** `costs[week][j][p]`: inconvenience points of week `week`'s candidate `j` for attendee `p`. */
function costMatrix(
  attendees: readonly RotationAttendee[],
  candidates: readonly Instant[][],
  durationMs: number,
): Float64Array[][] {
  const perDay = candidates[0]?.length ?? 0;
  const costs = candidates.map((row) => row.map(() => new Float64Array(attendees.length)));
  const inTimeOrder = candidates.flat();
  attendees.forEach((attendee, p) => {
    sweep(attendee, inTimeOrder, durationMs, (index, inconvenience) => {
      const cost = costs[Math.floor(index / perDay)]?.[index % perDay] as Float64Array;
      cost[p] = inconveniencePoints(inconvenience);
    });
  });
  return costs;
}

function greedyPlan(costs: readonly Float64Array[][], prior: Burdens): Int32Array {
  const plan = new Int32Array(costs.length);
  const burdens = Float64Array.from(prior);
  costs.forEach((row, week) => {
    let best = 0;
    let bestKey = keyOf(addCost(burdens, row[0] as Float64Array));
    for (let j = 1; j < row.length; j++) {
      const key = keyOf(addCost(burdens, row[j] as Float64Array));
      if (compareKeys(key, bestKey) < 0) {
        best = j;
        bestKey = key;
      }
    }
    plan[week] = best;
    const chosen = row[best] as Float64Array;
    for (let p = 0; p < burdens.length; p++) burdens[p] = (burdens[p] as number) + (chosen[p] as number);
  });
  return plan;
}

function addCost(burdens: Burdens, cost: Float64Array): Burdens {
  return burdens.map((b, p) => b + (cost[p] as number));
}

function present(
  attendees: readonly RotationAttendee[],
  starts: Instant[],
  durationMs: number,
): RotationPlan {
  const occurrences: PlannedOccurrence[] = starts.map((start) => ({
    start,
    end: start + durationMs,
    burden: [],
  }));
  const burdenByPerson: Record<string, number> = {};
  for (const attendee of attendees) {
    let total = 0;
    sweep(attendee, starts, durationMs, (index, inconvenience) => {
      for (const kind of INCONVENIENCE_KINDS) {
        if (inconvenience[kind]) occurrences[index]?.burden.push({ personId: attendee.personId, kind });
      }
      total += inconveniencePoints(inconvenience);
    });
    burdenByPerson[attendee.personId] = total;
  }
  return { occurrences, burdenByPerson };
}
