import {
  DAY_MS,
  type Instant,
  type Interval,
  mergeIntervals,
  offsetAt,
  subtractIntervals,
  type Transition,
  transitionsBetween,
} from "../time";
import {
  type AttendeeFacts,
  countFragments,
  localDayStart,
  localWeekdayIndex,
  outsideDistance,
} from "./score";
import type { Attendee } from "./types";

/** Sorted, non-empty, neither overlapping nor touching: what `mergeIntervals` returns. */
function isNormalised(list: readonly Interval[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const interval = list[i] as Interval;
    if (interval.end <= interval.start) return false;
    if (i > 0 && interval.start <= (list[i - 1] as Interval).end) return false;
  }
  return true;
}

/** The list itself when already normalised (the usual case: no copy, no garbage), else a merged copy. */
function normalised(list: readonly Interval[]): readonly Interval[] {
  return isNormalised(list) ? list : mergeIntervals(list);
}

/** Busy time widened by `bufferMs` on both sides, normalised. */
export function blockedTime(busy: readonly Interval[], bufferMs: number): readonly Interval[] {
  if (bufferMs === 0) return normalised(busy);
  return mergeIntervals(busy.map((b) => ({ start: b.start - bufferMs, end: b.end + bufferMs })));
}

/** Index of the first interval ending after `instant`, by binary search. */
export function firstEndingAfter(list: readonly Interval[], instant: Instant): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((list[mid] as Interval).end <= instant) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Busy milliseconds inside `[from, to)`, from running totals (`totals[i]`: duration of `list[0..i)`). */
function busyWithin(list: readonly Interval[], totals: Float64Array, from: Instant, to: Instant): number {
  const first = firstEndingAfter(list, from);
  let last = firstEndingAfter(list, to);
  if (last < list.length && (list[last] as Interval).start < to) last++;
  if (first >= last) return 0;
  let sum = (totals[last] as number) - (totals[first] as number);
  const head = list[first] as Interval;
  const tail = list[last - 1] as Interval;
  if (head.start < from) sum -= from - head.start;
  if (tail.end > to) sum -= tail.end - to;
  return sum;
}

function runningTotals(list: readonly Interval[]): Float64Array {
  const totals = new Float64Array(list.length + 1);
  list.forEach((interval, i) => {
    totals[i + 1] = (totals[i] as number) + interval.end - interval.start;
  });
  return totals;
}

/** Index of the first interval from `from` on that ends after `instant` (the list's length if none). */
function skipEndedBy(list: readonly Interval[], from: number, instant: Instant): number {
  let i = from;
  while (i < list.length && (list[i] as Interval).end <= instant) i++;
  return i;
}

/** The UTC offset of one zone at instants visited in increasing order: one walk over its transitions. */
class OffsetCursor {
  private index = 0;
  private offset: number;

  constructor(
    private readonly transitions: readonly Transition[],
    private readonly initialOffset: number,
  ) {
    this.offset = initialOffset;
  }

  at(instant: Instant): number {
    let next = this.transitions[this.index];
    while (next !== undefined && next.at <= instant) {
      this.offset = next.after;
      next = this.transitions[++this.index];
    }
    return this.offset;
  }

  rewind(): void {
    this.index = 0;
    this.offset = this.initialOffset;
  }
}

/**
 * One attendee's state during a sweep over candidate slots. Candidates must be visited in increasing
 * start order: every list (blocked, working, free, focus, the zone's offset transitions) is walked once
 * overall by a pointer that only moves forward, so a candidate costs O(1) amortised.
 * After `visit`, the `AttendeeFacts` fields describe that candidate.
 */
export class AttendeeTrack implements AttendeeFacts {
  free = true;
  inWorkingHours = false;
  hoursDistanceMs = 0;
  startOffsetMs = 0;
  endOffsetMs = 0;
  fragments = 0;
  focusMs = 0;
  dayBusyMs = 0;
  noMeetingDay = false;

  /** Busy time widened by the buffer. */
  readonly blocked: readonly Interval[];
  /** Working time minus blocked time; kept for required attendees only (feasibility, fragmentation). */
  readonly freeTime: readonly Interval[];
  private readonly working: readonly Interval[];
  private readonly focus: readonly Interval[];
  private readonly busy: readonly Interval[];
  private readonly busyTotals: Float64Array;
  private dayStart = Number.NaN;
  private readonly startOffsets: OffsetCursor;
  private readonly endOffsets: OffsetCursor;
  private blockedAt = 0;
  private workingAt = 0;
  private freeAt = 0;
  private focusAt = 0;

  constructor(
    readonly attendee: Attendee,
    bufferMs: number,
    window: Interval,
    /** Bits of the agreement's no-meeting days (see `weekdayMask`). */
    private readonly noMeetingMask = 0,
    /** Whether the day's busy load is wanted (a daily meeting budget applies). */
    private readonly trackDayLoad = false,
  ) {
    this.blocked = blockedTime(attendee.busy, bufferMs);
    this.busy = !trackDayLoad ? [] : bufferMs === 0 ? this.blocked : normalised(attendee.busy);
    this.busyTotals = runningTotals(this.busy);
    this.working = normalised(attendee.working);
    this.freeTime = attendee.required ? subtractIntervals(this.working, this.blocked) : [];
    this.focus = normalised(attendee.focus ?? []);
    const transitions = transitionsBetween(attendee.timeZone, window.start, window.end);
    const initialOffset = offsetAt(attendee.timeZone, window.start);
    this.startOffsets = new OffsetCursor(transitions, initialOffset);
    this.endOffsets = new OffsetCursor(transitions, initialOffset);
  }

  /** Back to the start of the window, for another sweep in time order. */
  rewind(): void {
    this.blockedAt = 0;
    this.workingAt = 0;
    this.freeAt = 0;
    this.focusAt = 0;
    this.dayStart = Number.NaN;
    this.startOffsets.rewind();
    this.endOffsets.rewind();
  }

  visit(start: Instant, end: Instant): void {
    this.blockedAt = skipEndedBy(this.blocked, this.blockedAt, start);
    const blocked = this.blocked[this.blockedAt];
    this.free = blocked === undefined || blocked.start >= end;

    this.workingAt = skipEndedBy(this.working, this.workingAt, start);
    const shift = this.working[this.workingAt];
    this.inWorkingHours = shift !== undefined && shift.start <= start && end <= shift.end;
    this.hoursDistanceMs =
      this.inWorkingHours && shift
        ? Math.min(start - shift.start, shift.end - end)
        : outsideDistance(shift, this.working[this.workingAt - 1], start, end);

    this.fragments = 0;
    if (this.freeTime.length > 0) {
      this.freeAt = skipEndedBy(this.freeTime, this.freeAt, start);
      const gap = this.freeTime[this.freeAt];
      if (gap && gap.start <= start && end <= gap.end)
        this.fragments = countFragments(gap.start, gap.end, start, end);
    }

    this.focusMs = 0;
    if (this.focus.length > 0) {
      this.focusAt = skipEndedBy(this.focus, this.focusAt, start);
      for (let k = this.focusAt; k < this.focus.length && (this.focus[k] as Interval).start < end; k++) {
        const block = this.focus[k] as Interval;
        this.focusMs += Math.min(end, block.end) - Math.max(start, block.start);
      }
    }

    this.startOffsetMs = this.startOffsets.at(start);
    this.endOffsetMs = this.endOffsets.at(end);
    this.visitDay(start);
  }

  /** Day load and the no-meeting day, recomputed only when the local day changes. */
  private visitDay(start: Instant): void {
    if (this.noMeetingMask !== 0)
      this.noMeetingDay = (this.noMeetingMask & (1 << localWeekdayIndex(start, this.startOffsetMs))) !== 0;
    if (!this.trackDayLoad) return;
    const day = localDayStart(start, this.startOffsetMs);
    if (day !== this.dayStart) {
      this.dayStart = day;
      this.dayBusyMs = busyWithin(this.busy, this.busyTotals, day, day + DAY_MS);
    }
  }
}
