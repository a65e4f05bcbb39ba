import type { Interval } from "../time";
import { DAY_MS } from "../time";
import { describeShortfall, eventProblem, MAX_PROBLEMS } from "./problems";
import { expandRule, RuleBudget } from "./recur";
import type { SimpleEvents } from "./simple-events";
import { type EventProblem, type IcsDuration, IcsError, type IcsEvent, type IcsTime } from "./types";
import { readTime } from "./values";
import type { CalendarZones, ZoneReader } from "./zones";

/** A calendar expanding to more busy periods than this inside the horizon is refused. */
export const MAX_INSTANCES = 1_000_000;
/** The most room reserved before any busy period is found (4 MB for both arrays); beyond, they grow. */
const INITIAL_LIMIT = 1 << 18;
const NO_TIME: IcsDuration = { days: 0, ms: 0 };
const ONE_DAY: IcsDuration = { days: 1, ms: 0 };

/** The RDATE lengths of a series that has no RDATE (never written to). */
const NO_LENGTHS: ReadonlyMap<number, IcsDuration> = new Map();

/** The EXDATEs of a series that has none. */
const NOT_SKIPPED = { has: (_wall: number, _instant: number) => false };

/** Whether `list` rises strictly, from `first` on (each date once). */
function rising(list: number[], first: number): boolean {
  let last = first - 1;
  for (const wall of list) {
    if (wall <= last) return false;
    last = wall;
  }
  return true;
}

/** A RANGE=THISANDFUTURE override: instances from `instant` on move by `shift` (wall clock) and take `duration`. */
interface RangeOverride {
  event: IcsEvent;
  instant: number;
  shift: number;
  duration: IcsDuration;
}

/** The busy periods of one calendar's events, collected inside the horizon. */
export class Expansion {
  /** Start and end instants of the busy periods found (clipped to the horizon): the first `count` of each. */
  starts: Float64Array;
  ends: Float64Array;
  count = 0;
  readonly problems: EventProblem[] = [];
  private readonly budget = new RuleBudget();

  constructor(
    readonly zones: CalendarZones,
    private readonly horizon: Interval,
    private readonly lineOfEvent?: (index: number) => number | undefined,
    /** Room to begin with: a guess from the number of events saves growing the arrays step by step. */
    capacity = 256,
  ) {
    const size = Math.min(Math.max(256, capacity), INITIAL_LIMIT);
    this.starts = new Float64Array(size);
    this.ends = new Float64Array(size);
  }

  /** All-day values are local dates of the owner, whatever TZID they carry. */
  private readerOf(time: IcsTime): ZoneReader {
    return this.zones.reader(time.isDate ? "floating" : time.zone);
  }

  private instantOf(time: IcsTime): number {
    return this.readerOf(time).toInstant(time.wall);
  }

  /**
   * DTEND − DTSTART (days on the wall clock for all-day events, exact time otherwise), or DURATION;
   * a DTEND before DTSTART makes a zero-length event, as other readers keep it.
   */
  private durationOf(event: IcsEvent, fallback: IcsDuration = NO_TIME): IcsDuration {
    const { start, end } = event;
    if (end && start.isDate)
      return { days: Math.max(0, Math.round((end.wall - start.wall) / DAY_MS)), ms: 0 };
    if (end) return { days: 0, ms: Math.max(0, this.instantOf(end) - this.instantOf(start)) };
    if (event.duration) return event.duration;
    return start.isDate ? { days: 1, ms: 0 } : fallback;
  }

  private push(reader: ZoneReader, wall: number, instant: number, duration: IcsDuration): void {
    const end =
      (duration.days === 0 ? instant : reader.toInstant(wall + duration.days * DAY_MS)) + duration.ms;
    this.pushSpan(instant, end);
  }

  /** The busy period `[instant, end)`, clipped to the horizon; nothing when it falls outside. */
  private pushSpan(instant: number, end: number): void {
    const start = Math.max(instant, this.horizon.start);
    const clipped = Math.min(end, this.horizon.end);
    if (clipped <= start) return;
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.ends[this.count] = clipped;
    this.count++;
  }

  /** Twice the room for busy periods, up to {@link MAX_INSTANCES}. */
  private grow(): void {
    if (this.count >= MAX_INSTANCES) {
      throw new IcsError(
        `the calendar has more than ${MAX_INSTANCES.toLocaleString("en")} busy periods in the horizon`,
      );
    }
    const size = Math.min(this.count * 2, MAX_INSTANCES);
    const starts = new Float64Array(size);
    const ends = new Float64Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }

  /** A single event, or an override of one instance (which may inherit its master's length). */
  addSingle(event: IcsEvent, inherited: IcsDuration = NO_TIME): void {
    if (event.transparent) return;
    const reader = this.readerOf(event.start);
    if (event.end && !event.start.isDate) {
      // The usual timed event, DTSTART to DTEND: {@link durationOf}'s exact time, without its object.
      const instant = reader.toInstant(event.start.wall);
      this.pushSpan(instant, Math.max(instant, this.instantOf(event.end)));
      return;
    }
    this.push(
      reader,
      event.start.wall,
      reader.toInstant(event.start.wall),
      this.durationOf(event, inherited),
    );
  }

  /** Simple event `k` (see {@link SimpleEvents}): {@link addSeries} of it alone, read from its columns. */
  addSimple(simple: SimpleEvents, k: number): void {
    if (simple.isCancelled(k) || simple.isTransparent(k)) return;
    const startIsDate = simple.startIsDate(k);
    const wall = simple.startWall[k] as number;
    const reader = this.zones.reader(
      startIsDate ? "floating" : (simple.zones[simple.startZone[k] as number] as string),
    );
    const instant = reader.toInstant(wall);
    const end = simple.end(k);
    if (end && !startIsDate) {
      this.pushSpan(instant, Math.max(instant, this.instantOf(end)));
      return;
    }
    let length = startIsDate ? ONE_DAY : NO_TIME;
    if (end) length = { days: Math.max(0, Math.round((end.wall - wall) / DAY_MS)), ms: 0 };
    else length = simple.duration(k) ?? length;
    this.push(reader, wall, instant, length);
  }

  /**
   * A master event with its overrides: each override replaces the instance its RECURRENCE-ID names
   * (one matching no instance adds nothing); a THISANDFUTURE one moves that and every later instance.
   * An override of an EXDATE'd instance still counts: the file says the meeting takes place.
   */
  addSeries(master: IcsEvent, overrides: IcsEvent[]): void {
    if (master.cancelled) return;
    if (master.rrules.length === 0 && master.rdates.length === 0 && overrides.length === 0) {
      this.addSingle(master);
      return;
    }
    const reader = this.readerOf(master.start);
    const duration = this.durationOf(master);
    const own = new Map<number, IcsEvent>();
    const ranges: RangeOverride[] = [];
    for (const override of overrides) {
      const instant = this.instantOf(override.recurrenceId as IcsTime);
      if (!override.thisAndFuture) own.set(instant, override);
      else {
        const shift = reader.toWall(this.instantOf(override.start)) - reader.toWall(instant);
        ranges.push({ event: override, instant, shift, duration: this.durationOf(override, duration) });
      }
    }
    ranges.sort((a, b) => b.instant - a.instant);
    const window = this.windowOf(reader, duration, own, ranges);
    const { starts, lengths } = this.startsOf(master, reader, window);
    const skipped = this.skippedOf(master);
    const matched: IcsEvent[] = [];
    for (const wall of starts) {
      if (wall < window.from || wall > window.to) continue;
      const instant = reader.toInstant(wall);
      const override = own.size === 0 ? undefined : own.get(instant);
      if (override) matched.push(override);
      if (override || skipped.has(wall, instant)) continue;
      const range = ranges.length === 0 ? undefined : ranges.find((r) => r.instant <= instant);
      if (!range) {
        const length = lengths.size === 0 ? duration : (lengths.get(wall) ?? duration);
        if (!master.transparent) this.push(reader, wall, instant, length);
      } else if (!range.event.cancelled && !range.event.transparent) {
        this.push(reader, wall + range.shift, reader.toInstant(wall + range.shift), range.duration);
      }
    }
    for (const override of matched) if (!override.cancelled) this.addSingle(override, duration);
  }

  /** Wall-clock bounds of the instances needed: the horizon (widened by the length), and every override's. */
  private windowOf(
    reader: ZoneReader,
    duration: IcsDuration,
    own: Map<number, IcsEvent>,
    ranges: RangeOverride[],
  ) {
    const reach = (duration.days + 1) * DAY_MS + Math.max(0, duration.ms);
    const window = {
      from: reader.toWall(this.horizon.start) - reach,
      to: reader.toWall(this.horizon.end) + DAY_MS,
    };
    const widen = (instant: number) => {
      const wall = reader.toWall(instant);
      window.from = Math.min(window.from, wall);
      window.to = Math.max(window.to, wall);
    };
    for (const instant of own.keys()) widen(instant);
    for (const range of ranges) widen(range.instant);
    return window;
  }

  /** DTSTART, every RRULE's and RDATE's start (wall clock), and the RDATE periods' own lengths. */
  private startsOf(master: IcsEvent, reader: ZoneReader, window: { from: number; to: number }) {
    const first = master.start.wall;
    const lists: number[][] = [];
    for (const rule of master.rrules) {
      const until = this.untilOf(rule.until, reader, master.start);
      const expansion = expandRule(rule, { start: first, until, ...window }, this.budget);
      lists.push(expansion.starts);
      if (expansion.shortfall) {
        const kept = expansion.starts.filter((wall) => wall !== first).length;
        this.report(master, describeShortfall(expansion.shortfall, kept));
      }
    }
    // The usual series, one rule and no RDATE: its dates rise, so DTSTART can only be the first.
    const only = lists[0];
    if (lists.length === 1 && master.rdates.length === 0 && only && rising(only, first)) {
      if (only[0] !== first) only.push(first);
      return { starts: only, lengths: NO_LENGTHS };
    }
    const lengths = new Map<number, IcsDuration>();
    const starts = new Set<number>([first]);
    for (const list of lists) for (const wall of list) starts.add(wall);
    for (const rdate of master.rdates) {
      const wall = reader.toWall(this.instantOf(rdate.time));
      starts.add(wall);
      if (rdate.end) {
        lengths.set(wall, {
          days: 0,
          ms: Math.max(0, this.instantOf(rdate.end) - this.instantOf(rdate.time)),
        });
      } else if (rdate.duration) lengths.set(wall, rdate.duration);
    }
    return { starts, lengths };
  }

  /** Whether an instance is an EXDATE: its instant, or its local day for all-day EXDATEs of a timed series. */
  private skippedOf(master: IcsEvent) {
    if (master.exdates.length === 0) return NOT_SKIPPED;
    const instants = new Set<number>();
    const days = new Set<number>();
    for (const exdate of master.exdates) {
      if (exdate.isDate && !master.start.isDate) days.add(exdate.wall / DAY_MS);
      else instants.add(this.instantOf(exdate));
    }
    if (days.size === 0) return { has: (_wall: number, instant: number) => instants.has(instant) };
    return {
      has: (wall: number, instant: number) => instants.has(instant) || days.has(Math.floor(wall / DAY_MS)),
    };
  }

  /** UNTIL on the wall clock of DTSTART: a UTC instant converted, a date inclusive to its end. */
  private untilOf(until: unknown, reader: ZoneReader, start: IcsTime): number | undefined {
    const time = readTime(until, undefined);
    if (!time) return undefined;
    if (time.isDate) return start.isDate ? time.wall : time.wall + DAY_MS - 1;
    return time.zone === "utc" ? reader.toWall(time.wall) : time.wall;
  }

  private report(event: IcsEvent, problem: string): void {
    if (this.problems.length < MAX_PROBLEMS) {
      this.problems.push(eventProblem(event, problem, this.lineOfEvent?.(event.index)));
    }
  }
}
