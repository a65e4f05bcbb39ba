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

/** The most EXDATEs of a kind looked through one by one; more are put in a set. */
const FEW_SKIPS = 8;

/**
 * Whether an instance is an EXDATE: its instant, or its local day (day number of the wall clock)
 * for all-day EXDATEs of a timed series. A series has a few, compared one by one; many, in sets.
 */
class Skips {
  private readonly instantSet: Set<number> | undefined;
  private readonly daySet: Set<number> | undefined;

  constructor(
    private readonly instants: number[],
    private readonly days: number[],
  ) {
    // NaN equals itself in a set, not with `===`.
    if (instants.length > FEW_SKIPS || instants.some(Number.isNaN)) this.instantSet = new Set(instants);
    if (days.length > FEW_SKIPS || days.some(Number.isNaN)) this.daySet = new Set(days);
  }

  has(wall: number, instant: number): boolean {
    if (this.instantSet) {
      if (this.instantSet.has(instant)) return true;
    } else {
      const { instants } = this;
      for (let i = 0; i < instants.length; i++) if (instants[i] === instant) return true;
    }
    const { days } = this;
    if (days.length === 0) return false;
    const day = Math.floor(wall / DAY_MS);
    if (this.daySet) return this.daySet.has(day);
    for (let i = 0; i < days.length; i++) if (days[i] === day) return true;
    return false;
  }
}

/** THISANDFUTURE overrides by their instants, the latest first. */
const laterFirst = (a: RangeOverride, b: RangeOverride) => b.instant - a.instant;

/** The latest of `ranges` (latest first) from `instant` or before, if any. */
function rangeOf(ranges: RangeOverride[], instant: number): RangeOverride | undefined {
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i] as RangeOverride;
    if (range.instant <= instant) return range;
  }
  return undefined;
}

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
    // The wall-clock bounds of the instances needed: the horizon (widened by the length), and every override's.
    const reach = (duration.days + 1) * DAY_MS + Math.max(0, duration.ms);
    let from = reader.toWall(this.horizon.start) - reach;
    let to = reader.toWall(this.horizon.end) + DAY_MS;
    let own: Map<number, IcsEvent> | undefined;
    // Instants outside [ownLow, ownHigh] have no override: most of a series is not looked up.
    let ownLow = Number.POSITIVE_INFINITY;
    let ownHigh = Number.NEGATIVE_INFINITY;
    let lookAll = false;
    let ranges: RangeOverride[] | undefined;
    for (const override of overrides) {
      const instant = this.instantOf(override.recurrenceId as IcsTime);
      const wall = reader.toWall(instant);
      from = Math.min(from, wall);
      to = Math.max(to, wall);
      if (!override.thisAndFuture) {
        own ??= new Map();
        own.set(instant, override);
        if (instant < ownLow) ownLow = instant;
        if (instant > ownHigh) ownHigh = instant;
        // NaN is a key of the map like any other, but outside every range.
        if (Number.isNaN(instant)) lookAll = true;
      } else {
        const shift = reader.toWall(this.instantOf(override.start)) - wall;
        ranges ??= [];
        ranges.push({ event: override, instant, shift, duration: this.durationOf(override, duration) });
      }
    }
    if (ranges && ranges.length > 1) ranges.sort(laterFirst);
    const { starts, lengths } = this.startsOf(master, reader, from, to);
    const skips = this.skipsOf(master);
    const matched: IcsEvent[] = [];
    const busy = !master.transparent;
    for (let i = 0; i < starts.length; i++) {
      const wall = starts[i] as number;
      if (wall < from || wall > to) continue;
      const instant = reader.toInstant(wall);
      const override =
        own !== undefined && (lookAll || (instant >= ownLow && instant <= ownHigh))
          ? own.get(instant)
          : undefined;
      if (override) {
        matched.push(override);
        continue;
      }
      if (skips?.has(wall, instant)) continue;
      const range = ranges === undefined ? undefined : rangeOf(ranges, instant);
      if (!range) {
        const length = lengths.size === 0 ? duration : (lengths.get(wall) ?? duration);
        if (busy) this.push(reader, wall, instant, length);
      } else if (!range.event.cancelled && !range.event.transparent) {
        this.push(reader, wall + range.shift, reader.toInstant(wall + range.shift), range.duration);
      }
    }
    for (const override of matched) if (!override.cancelled) this.addSingle(override, duration);
  }

  /**
   * DTSTART and every RRULE's and RDATE's start (wall clock), each once, and the RDATE periods' own
   * lengths.
   */
  private startsOf(master: IcsEvent, reader: ZoneReader, from: number, to: number) {
    const first = master.start.wall;
    const lists: number[][] = [];
    for (const rule of master.rrules) {
      const until = this.untilOf(rule.until, reader, master.start);
      const expansion = expandRule(rule, { start: first, until, from, to }, this.budget);
      lists.push(expansion.starts);
      if (expansion.shortfall) {
        let kept = 0;
        for (const wall of expansion.starts) if (wall !== first) kept++;
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
    return { starts: [...starts], lengths };
  }

  /** The EXDATEs of a series (see {@link Skips}), if it has any. */
  private skipsOf(master: IcsEvent): Skips | undefined {
    if (master.exdates.length === 0) return undefined;
    const instants: number[] = [];
    const days: number[] = [];
    for (const exdate of master.exdates) {
      if (exdate.isDate && !master.start.isDate) days.push(exdate.wall / DAY_MS);
      else instants.push(this.instantOf(exdate));
    }
    return new Skips(instants, days);
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
