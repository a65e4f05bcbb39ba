import { decline } from "./reader-text";
import type { IcsDuration, IcsEvent, IcsTime, RecurData } from "./types";

/** The list of an event that has none of a property: one shared, frozen, empty array (most have none). */
const NONE = Object.freeze([]) as never[];

/** `list` with `item` at its end: a new array in place of {@link NONE}. */
export function append<T>(list: T[], item: T): T[] {
  if (list === NONE) return [item];
  list.push(item);
  return list;
}

/**
 * The VEVENT being read: one draft per reader, refilled for each event, with DTSTART and DTEND read
 * into two slots in place. Most events are simple (see `SimpleEvents`) and go from here straight to
 * their columns; only the others become an {@link IcsEvent} ({@link toEvent}). An event and two
 * time objects for each of a large file's events were a good part of what the collector, a fifth of
 * the read's time, had to deal with.
 */
export class EventDraft {
  uid = "";
  title: string | undefined = undefined;
  sequence = 0;
  index = 0;
  /** DTSTART, when {@link hasStart}. */
  readonly start: IcsTime = { wall: 0, isDate: false, zone: "" };
  hasStart = false;
  /** DTEND, when {@link hasEnd}. */
  readonly end: IcsTime = { wall: 0, isDate: false, zone: "" };
  hasEnd = false;
  duration: IcsDuration | undefined = undefined;
  rrules: RecurData[] = NONE;
  rdates: IcsEvent["rdates"] = NONE;
  exdates: IcsTime[] = NONE;
  recurrenceId: IcsTime | undefined = undefined;
  thisAndFuture = false;
  transparent = false;
  cancelled = false;

  /** Empties the draft for the VEVENT numbered `index`. */
  reset(index: number): void {
    this.uid = "";
    this.title = undefined;
    this.sequence = 0;
    this.index = index;
    this.hasStart = false;
    this.hasEnd = false;
    this.duration = undefined;
    this.rrules = NONE;
    this.rdates = NONE;
    this.exdates = NONE;
    this.recurrenceId = undefined;
    this.thisAndFuture = false;
    this.transparent = false;
    this.cancelled = false;
  }

  /** At END:VEVENT: the UID a file left out is its number; an event without DTSTART is left to ical.js. */
  finish(): void {
    if (!this.uid) this.uid = `#${this.index + 1}`;
    if (!this.hasStart) decline();
  }

  /** The finished draft as the record ical.js's reading gives (its own lists and times: the draft is reused). */
  toEvent(): IcsEvent {
    const { start, end } = this;
    return {
      uid: this.uid,
      title: this.title,
      sequence: this.sequence,
      index: this.index,
      start: { wall: start.wall, isDate: start.isDate, zone: start.zone },
      end: this.hasEnd ? { wall: end.wall, isDate: end.isDate, zone: end.zone } : undefined,
      duration: this.duration,
      rrules: this.rrules,
      rdates: this.rdates,
      exdates: this.exdates,
      recurrenceId: this.recurrenceId,
      thisAndFuture: this.thisAndFuture,
      transparent: this.transparent,
      cancelled: this.cancelled,
    };
  }
}
