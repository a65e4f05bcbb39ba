import { DAY_MS, type Interval, mergeIntervals } from "../time";
import { ruleStarts } from "./recur";
import {
  type ExpandOptions,
  type ExpandResult,
  type IcsDuration,
  IcsError,
  type IcsEvent,
  type IcsTime,
  type ParsedCalendar,
} from "./types";
import { readTime } from "./values";
import { CalendarZones, type ZoneReader } from "./zones";

/** A calendar expanding to more busy periods than this inside the horizon is refused. */
export const MAX_INSTANCES = 1_000_000;
const NO_TIME: IcsDuration = { days: 0, ms: 0 };

/**
 * Busy time of a parsed calendar inside the horizon (`pastDays` before to `futureDays` after `now`):
 * recurrences expanded (RRULE, RDATE, minus EXDATE), each RECURRENCE-ID override replacing its
 * instance (moved, or removed when cancelled), transparent and cancelled events left out, all-day
 * and floating times read in the owner's zone. Sorted and merged.
 */
export function expandBusy(calendar: ParsedCalendar, options: ExpandOptions): ExpandResult {
  const horizon = {
    start: options.now - (options.pastDays ?? 90) * DAY_MS,
    end: options.now + (options.futureDays ?? 365) * DAY_MS,
  };
  const expansion = new Expansion(new CalendarZones(options.ownerZone, calendar.timezones), horizon);
  const overrides = new Map<string, IcsEvent[]>();
  for (const event of calendar.events) {
    if (!event.recurrenceId) continue;
    const list = overrides.get(event.uid);
    if (list) list.push(event);
    else overrides.set(event.uid, [event]);
  }
  const masters = new Map<string, IcsEvent>();
  for (const event of calendar.events) {
    if (event.recurrenceId) continue;
    masters.set(event.uid, event);
    if (!event.cancelled) expansion.addMaster(event, overrides.get(event.uid) ?? []);
  }
  for (const [uid, list] of overrides) {
    const master = masters.get(uid);
    const inherited = master ? expansion.durationOf(master) : NO_TIME;
    for (const event of list) if (!event.cancelled) expansion.addSingle(event, inherited);
  }
  return {
    busy: mergeIntervals(expansion.busy),
    instances: expansion.busy.length,
    horizon,
    warnings: expansion.zones.warnings,
  };
}

class Expansion {
  readonly busy: Interval[] = [];

  constructor(
    readonly zones: CalendarZones,
    private readonly horizon: Interval,
  ) {}

  /** All-day values are local dates of the owner, whatever TZID they carry. */
  private readerOf(time: IcsTime): ZoneReader {
    return this.zones.reader(time.isDate ? "floating" : time.zone);
  }

  private instantOf(time: IcsTime): number {
    return this.readerOf(time).toInstant(time.wall);
  }

  /** DTEND − DTSTART (days on the wall clock for all-day events, exact time otherwise), or DURATION. */
  durationOf(event: IcsEvent, fallback: IcsDuration = NO_TIME): IcsDuration {
    const { start, end } = event;
    if (end && start.isDate) return { days: Math.round((end.wall - start.wall) / DAY_MS), ms: 0 };
    if (end) return { days: 0, ms: this.instantOf(end) - this.instantOf(start) };
    if (event.duration) return event.duration;
    return start.isDate ? { days: 1, ms: 0 } : fallback;
  }

  private push(reader: ZoneReader, wall: number, instant: number, duration: IcsDuration): void {
    const end =
      (duration.days === 0 ? instant : reader.toInstant(wall + duration.days * DAY_MS)) + duration.ms;
    const start = Math.max(instant, this.horizon.start);
    const clipped = Math.min(end, this.horizon.end);
    if (clipped <= start) return;
    if (this.busy.length >= MAX_INSTANCES) {
      throw new IcsError(
        `the calendar has more than ${MAX_INSTANCES.toLocaleString("en")} busy periods in the horizon`,
      );
    }
    this.busy.push({ start, end: clipped });
  }

  /** A single event, or an override of one instance (which may inherit its master's length). */
  addSingle(event: IcsEvent, inherited: IcsDuration): void {
    if (event.transparent) return;
    const reader = this.readerOf(event.start);
    this.push(
      reader,
      event.start.wall,
      reader.toInstant(event.start.wall),
      this.durationOf(event, inherited),
    );
  }

  addMaster(event: IcsEvent, overrides: IcsEvent[]): void {
    if (event.rrules.length === 0 && event.rdates.length === 0) {
      this.addSingle(event, NO_TIME);
      return;
    }
    if (event.transparent) return;
    const reader = this.readerOf(event.start);
    const duration = this.durationOf(event);
    const reach = (duration.days + 1) * DAY_MS + Math.max(0, duration.ms);
    const from = reader.toWall(this.horizon.start) - reach;
    const to = reader.toWall(this.horizon.end) + DAY_MS;
    const starts = new Set<number>([event.start.wall]);
    for (const rule of event.rrules) {
      const bounds = {
        start: event.start.wall,
        until: this.untilOf(rule.until, reader, event.start),
        from,
        to,
      };
      for (const wall of ruleStarts(rule, bounds)) starts.add(wall);
    }
    const lengths = new Map<number, IcsDuration>(); // RDATE periods keep their own length
    for (const rdate of event.rdates) {
      const wall = reader.toWall(this.instantOf(rdate.time));
      starts.add(wall);
      if (rdate.end)
        lengths.set(wall, { days: 0, ms: this.instantOf(rdate.end) - this.instantOf(rdate.time) });
      else if (rdate.duration) lengths.set(wall, rdate.duration);
    }
    const skipped = new Set<number>();
    const skippedDays = new Set<number>();
    for (const exdate of event.exdates) {
      if (exdate.isDate && !event.start.isDate) skippedDays.add(exdate.wall / DAY_MS);
      else skipped.add(this.instantOf(exdate));
    }
    for (const override of overrides) skipped.add(this.instantOf(override.recurrenceId as IcsTime));
    for (const wall of starts) {
      if (wall < from || wall > to || skippedDays.has(Math.floor(wall / DAY_MS))) continue;
      const instant = reader.toInstant(wall);
      if (!skipped.has(instant)) this.push(reader, wall, instant, lengths.get(wall) ?? duration);
    }
  }

  /** UNTIL on the wall clock of DTSTART: a UTC instant converted, a date inclusive to its end. */
  private untilOf(until: unknown, reader: ZoneReader, start: IcsTime): number | undefined {
    const time = readTime(until, undefined);
    if (!time) return undefined;
    if (time.isDate) return start.isDate ? time.wall : time.wall + DAY_MS - 1;
    return time.zone === "utc" ? reader.toWall(time.wall) : time.wall;
  }
}
