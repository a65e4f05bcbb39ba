import type { Instant, Interval } from "../time";

/** One person as the slot finder sees them. Every list is normalised (sorted, merged) UTC time. */
export interface Attendee {
  personId: string;
  required: boolean;
  /** IANA zone used for local times (early/late, `localStart`). */
  timeZone: string;
  /** Working time, e.g. from `workingIntervals`. */
  working: Interval[];
  /** Busy time, absences included. */
  busy: Interval[];
  /** Personal focus blocks: slots avoid them, but they never exclude a slot. */
  focus?: Interval[];
  /** Inconvenience already carried (from the ledger); a higher burden makes new inconvenience cost more. */
  burden?: number;
}

export interface SlotQuery {
  attendees: readonly Attendee[];
  durationMinutes: number;
  /** Every slot lies inside this window. */
  window: Interval;
  /** Distance between candidate starts; starts are multiples of it in UTC epoch time. Default 15. */
  granularityMinutes?: number;
  /** Minimum gap kept between a slot and anyone's busy time. Default 0. */
  bufferMinutes?: number;
  /** How many slots to return. Default 10. */
  limit?: number;
  /** When true, required attendees' working hours become soft (scored) instead of hard. */
  allowOutsideWorkingHours?: boolean;
}

export interface SlotAttendee {
  personId: string;
  /** No busy time (widened by the buffer) overlaps the slot. */
  free: boolean;
  /** The slot lies inside one of the person's working intervals. */
  inWorkingHours: boolean;
  /** `"YYYY-MM-DDTHH:MM"` on the person's wall clock. */
  localStart: string;
}

export interface Slot {
  start: Instant;
  end: Instant;
  /** Higher is better; 100 is a slot with no penalty (see `SCORE_WEIGHTS`). */
  score: number;
  attendees: SlotAttendee[];
}

export type InconvenienceKind = "early" | "late" | "outside";

export type Inconvenience = Record<InconvenienceKind, boolean>;
