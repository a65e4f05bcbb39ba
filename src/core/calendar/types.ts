import type { Interval } from "../time";
import type { SimpleEvents } from "./simple-events";

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

/**
 * One VEVENT with its time properties. Descriptions are never kept; the title is kept only to name
 * the event in a problem returned to the person who uploads the file (never stored), so only for an
 * event with an RRULE (the only source of problems).
 */
export interface IcsEvent {
  uid: string;
  /** SUMMARY of an event with an RRULE (else undefined): free text, for {@link EventProblem.message} only. */
  title: string | undefined;
  /** SEQUENCE (0 when absent): of several versions of one UID/RECURRENCE-ID, the highest wins. */
  sequence: number;
  /** Its position among the file's VEVENTs (0-based). */
  index: number;
  start: IcsTime;
  end: IcsTime | undefined;
  duration: IcsDuration | undefined;
  rrules: RecurData[];
  rdates: { time: IcsTime; end: IcsTime | undefined; duration: IcsDuration | undefined }[];
  exdates: IcsTime[];
  recurrenceId: IcsTime | undefined;
  /** `RECURRENCE-ID;RANGE=THISANDFUTURE`: the change applies to this and every later instance. */
  thisAndFuture: boolean;
  /** `TRANSP:TRANSPARENT`: shown as free. */
  transparent: boolean;
  /** `STATUS:CANCELLED`: ignored (an override with it removes its instance). */
  cancelled: boolean;
}

/** A custom VTIMEZONE (not an IANA or Windows name) as its jCal component, read with ical.js. */
export interface ParsedCalendar {
  /** The events as records: every one, or (Tandem's reader) those not kept in {@link simple}. */
  events: IcsEvent[];
  /** Tandem's reader keeps the simple events (most of a file) here, in columns: see `allEvents`. */
  simple?: SimpleEvents | undefined;
  /** VTIMEZONE components by TZID as written. */
  timezones: Map<string, unknown>;
  /** `X-WR-TIMEZONE`: the zone of floating times, when it names one. */
  defaultZone?: string | undefined;
  /** The 1-based line of the `index`-th VEVENT's BEGIN (looked up only when a problem names it). */
  lineOfEvent?: (index: number) => number | undefined;
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
  /**
   * Things read leniently (unknown zone read as the owner's, …), one line each. They quote no free
   * text (no titles), so they may be stored or logged.
   */
  warnings: string[];
  /**
   * Events (or their repeat rules) that were left out or cut short while the rest was read. Each
   * `message` names the event by its title: show it to the person who uploaded the file, but never
   * store it (a URL calendar's `lastError` holds only errors, which quote no free text).
   */
  problems: EventProblem[];
}

/** One event that could not be read in full: "Event 'Standup': its repeat rule never matches". */
export interface EventProblem {
  uid: string;
  /** The 1-based line of the event's BEGIN:VEVENT, when known. */
  line: number | undefined;
  /** What went wrong, without free text: "its repeat rule never matches". */
  problem: string;
  /** The sentence for the uploader, naming the event by its title (or UID when it has none). */
  message: string;
}

/**
 * A calendar file that cannot be read, in a sentence that quotes no free text (titles, notes), so
 * it may be stored as a URL calendar's `lastError`; `line` is 1-based when the problem has one.
 */
export class IcsError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `Line ${line}: ${message}`);
    this.name = "IcsError";
  }
}
