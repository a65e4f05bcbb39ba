import {
  type Instant,
  type Interval,
  mergeIntervals,
  offsetAt,
  subtractIntervals,
  type Transition,
  transitionsBetween,
} from "../time";
import { type AttendeeFacts, countFragments } from "./score";
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
  startOffsetMs = 0;
  endOffsetMs = 0;
  fragments = 0;
  focusMs = 0;

  /** Busy time widened by the buffer. */
  readonly blocked: readonly Interval[];
  /** Working time minus blocked time; kept for required attendees only (feasibility, fragmentation). */
  readonly freeTime: readonly Interval[];
  private readonly working: readonly Interval[];
  private readonly focus: readonly Interval[];
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
  ) {
    this.blocked = blockedTime(attendee.busy, bufferMs);
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
  }
}
