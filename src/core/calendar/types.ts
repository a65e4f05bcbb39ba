import type { Interval } from "../time";

/**
 * A time as written in the file: wall-clock fields encoded as if they were UTC epoch ms, and how to
 * read them — in UTC (`Z`), in a named zone (`TZID`), or floating (the calendar owner's zone).
 */
export interface IcsTime {
  wall: number;
  /** A `VALUE=DATE` (all-day) value: `wall` is local midnight. */
  isDate: boolean;
  /** `"utc"`, `"floating"`, or the TZID as written. */
  zone: string;
}

/** A nominal duration: whole days and weeks follow the wall clock, the rest is exact time. */
export interface IcsDuration {
  days: number;
  ms: number;
}

/** The recurrence rule parts the expansion understands (RFC 5545 §3.3.10), as ical.js parses them. */
export type RecurData = Record<string, unknown> & { freq: string };

/** One VEVENT with its time properties (titles and descriptions are never kept). */
export interface IcsEvent {
  uid: string;
  start: IcsTime;
  end: IcsTime | undefined;
  duration: IcsDuration | undefined;
  rrules: RecurData[];
  rdates: { time: IcsTime; end: IcsTime | undefined; duration: IcsDuration | undefined }[];
  exdates: IcsTime[];
  recurrenceId: IcsTime | undefined;
  /** `TRANSP:TRANSPARENT`: shown as free. */
  transparent: boolean;
  /** `STATUS:CANCELLED`: ignored (an override with it removes its instance). */
  cancelled: boolean;
}

/** A custom VTIMEZONE (not an IANA or Windows name) as its jCal component, read with ical.js. */
export interface ParsedCalendar {
  events: IcsEvent[];
  timezones: Map<string, unknown>;
}

export interface ExpandOptions {
  /** IANA zone of the calendar's owner: floating times and all-day dates are read in it. */
  ownerZone: string;
  /** "Now"; the horizon is counted from it. */
  now: number;
  /** Days before `now` to keep (default 90). */
  pastDays?: number;
  /** Days after `now` to keep (default 365). */
  futureDays?: number;
}

export interface ExpandResult {
  /** Busy time of the calendar inside the horizon: sorted and merged. */
  busy: Interval[];
  /** Occurrences that fell inside the horizon and counted as busy, before merging. */
  instances: number;
  horizon: Interval;
  /** Things read leniently (unknown zone read as the owner's, …), one line each. */
  warnings: string[];
}

/** A calendar file that cannot be read; `line` is 1-based when the problem has one. */
export class IcsError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = "IcsError";
  }
}
