import type { BlockerReason } from "../../contracts/scheduling";
import type { Instant, Interval, Weekday } from "../time";

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
  /** Absences (also inside `busy`): only to say "absent" rather than "busy". */
  absent?: Interval[];
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
  /** No two suggestions start closer than this. Default 60; 0 lets them sit side by side. */
  spreadMinutes?: number;
  /** The agreement's no-meeting days, on each attendee's own clock: scored, never excluded. */
  noMeetingDays?: readonly Weekday[];
  /** The agreement's daily meeting budget in hours: a fuller day scores lower. 0 or absent: none. */
  dailyMeetingHours?: number;
}

export type { BlockerReason };

/** Something about a slot that costs one attendee: said as "Aiko: 07:00 local, before working hours". */
export interface SlotBlocker {
  personId: string;
  reason: BlockerReason;
  /** `"HH:MM"` of the slot's start on the person's wall clock. */
  localTime: string;
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
  /** Who pays for this slot and why, in attendee order; empty for a slot nobody pays for. */
  blockers: SlotBlocker[];
}

export type InconvenienceKind = "early" | "late" | "outside";

export type Inconvenience = Record<InconvenienceKind, boolean>;
