/*
 * The shapes of types.ts, written out here: types.ts names this store in ParsedCalendar, and a
 * module may not import one that imports it.
 */
interface Time {
  wall: number;
  isDate: boolean;
  zone: string;
}
interface Duration {
  days: number;
  ms: number;
}
/** The fields of an event being read (the reader's draft) that this store reads. */
interface EventFields {
  uid: string;
  sequence: number;
  index: number;
  start: Time;
  /** Whether it has a DTEND: `end` is then its time (else whatever the draft held last). */
  hasEnd: boolean;
  end: Time;
  duration: Duration | undefined;
  rrules: unknown[];
  rdates: unknown[];
  exdates: unknown[];
  recurrenceId: Time | undefined;
  transparent: boolean;
  cancelled: boolean;
}

const START_IS_DATE = 1;
const HAS_END = 2;
const END_IS_DATE = 4;
const HAS_DURATION = 8;
const TRANSPARENT = 16;
const CANCELLED = 32;

/** Events held before the first growth: most calendars have fewer. */
const INITIAL = 1024;

/**
 * The simple events of a calendar — no RRULE, RDATE, EXDATE or RECURRENCE-ID, most of any file —
 * in columns of typed arrays (times, zones by number, flags) beside their UIDs, instead of three
 * objects each: a large file's events take a third of the memory, and nothing for the collector
 * to trace. {@link get} gives one back as the {@link IcsEvent} it was.
 */
export class SimpleEvents {
  count = 0;
  /** Each event's position among the file's VEVENTs. */
  index = new Int32Array(INITIAL);
  startWall = new Float64Array(INITIAL);
  /** DTEND's wall clock (when {@link HAS_END}). */
  endWall = new Float64Array(INITIAL);
  /** DURATION's days and exact time (when {@link HAS_DURATION}). */
  durationDays = new Float64Array(INITIAL);
  durationMs = new Float64Array(INITIAL);
  sequence = new Float64Array(INITIAL);
  startZone = new Int32Array(INITIAL);
  endZone = new Int32Array(INITIAL);
  flags = new Uint8Array(INITIAL);
  /**
   * The UIDs, joined a few hundred at a time into {@link uidParts} ({@link keepUids}): event `k`'s is
   * `uidParts[uidPart[k]]` from `uidAt[k]`, `uidLength[k]` long. A string for each would be tens of
   * thousands of objects that outlive the read, for the collector to copy and trace.
   */
  readonly uidParts: string[] = [];
  uidPart = new Int32Array(INITIAL);
  uidAt = new Int32Array(INITIAL);
  uidLength = new Int32Array(INITIAL);
  /** The UIDs added since the last {@link keepUids}. */
  private readonly pending: string[] = [];
  /** The zones of the times ("utc", "floating", or a TZID as written), numbered as first met. */
  readonly zones: string[] = [];
  private readonly zoneNumbers = new Map<string, number>();

  /** Whether `event` is simple: nothing but its own times decides its busy time. */
  static holds(event: EventFields): boolean {
    return (
      event.recurrenceId === undefined &&
      event.rrules.length === 0 &&
      event.rdates.length === 0 &&
      event.exdates.length === 0
    );
  }

  add(event: EventFields): void {
    if (this.count === this.index.length) this.grow();
    const k = this.count++;
    const { start, end, duration } = event;
    this.index[k] = event.index;
    this.startWall[k] = start.wall;
    this.startZone[k] = this.zoneNumber(start.zone);
    this.sequence[k] = event.sequence;
    let flags = start.isDate ? START_IS_DATE : 0;
    if (event.hasEnd) {
      flags |= HAS_END | (end.isDate ? END_IS_DATE : 0);
      this.endWall[k] = end.wall;
      this.endZone[k] = this.zoneNumber(end.zone);
    }
    if (duration) {
      flags |= HAS_DURATION;
      this.durationDays[k] = duration.days;
      this.durationMs[k] = duration.ms;
    }
    if (event.transparent) flags |= TRANSPARENT;
    if (event.cancelled) flags |= CANCELLED;
    this.flags[k] = flags;
    this.pending.push(event.uid);
  }

  /**
   * Keeps the UIDs added since the last call in one string, `join` of them (which must keep nothing
   * else alive: a copy, when they are cut from a chunk of the file). Called before the events are read.
   */
  keepUids(join: (uids: string[]) => string): void {
    const { pending } = this;
    if (pending.length === 0) return;
    const part = join(pending);
    const number = this.uidParts.length;
    this.uidParts.push(part);
    for (let i = 0, k = this.count - pending.length, at = 0; i < pending.length; i++, k++) {
      const length = (pending[i] as string).length;
      this.uidPart[k] = number;
      this.uidAt[k] = at;
      this.uidLength[k] = length;
      at += length;
    }
    pending.length = 0;
  }

  /** The UID of event `k`. */
  uid(k: number): string {
    const at = this.uidAt[k] as number;
    return (this.uidParts[this.uidPart[k] as number] as string).slice(at, at + (this.uidLength[k] as number));
  }

  isCancelled = (k: number) => ((this.flags[k] as number) & CANCELLED) !== 0;
  isTransparent = (k: number) => ((this.flags[k] as number) & TRANSPARENT) !== 0;
  startIsDate = (k: number) => ((this.flags[k] as number) & START_IS_DATE) !== 0;

  /** The start of event `k`. */
  start(k: number): Time {
    return {
      wall: this.startWall[k] as number,
      isDate: this.startIsDate(k),
      zone: this.zones[this.startZone[k] as number] as string,
    };
  }

  /** The end of event `k`, when it has a DTEND. */
  end(k: number): Time | undefined {
    const flags = this.flags[k] as number;
    if ((flags & HAS_END) === 0) return undefined;
    return {
      wall: this.endWall[k] as number,
      isDate: (flags & END_IS_DATE) !== 0,
      zone: this.zones[this.endZone[k] as number] as string,
    };
  }

  /** The DURATION of event `k`, when it has one. */
  duration(k: number): Duration | undefined {
    if (((this.flags[k] as number) & HAS_DURATION) === 0) return undefined;
    return { days: this.durationDays[k] as number, ms: this.durationMs[k] as number };
  }

  /** Event `k` as the record (an IcsEvent) it was read as. */
  get(k: number) {
    return {
      uid: this.uid(k),
      title: undefined,
      sequence: this.sequence[k] as number,
      index: this.index[k] as number,
      start: this.start(k),
      end: this.end(k),
      duration: this.duration(k),
      rrules: [] as never[],
      rdates: [] as never[],
      exdates: [] as never[],
      recurrenceId: undefined,
      thisAndFuture: false,
      transparent: this.isTransparent(k),
      cancelled: this.isCancelled(k),
    };
  }

  private zoneNumber(zone: string): number {
    const { zones } = this;
    // A file names a few zones: the last one met is nearly always the one.
    const last = zones.length - 1;
    if (last >= 0 && zones[last] === zone) return last;
    let number = this.zoneNumbers.get(zone);
    if (number === undefined) {
      number = zones.length;
      zones.push(zone);
      this.zoneNumbers.set(zone, number);
    }
    return number;
  }

  private grow(): void {
    const size = this.count * 2;
    const wider = <T extends Int32Array | Float64Array | Uint8Array>(from: T, make: (n: number) => T): T => {
      const to = make(size);
      to.set(from);
      return to;
    };
    const f64 = (n: number) => new Float64Array(n);
    const i32 = (n: number) => new Int32Array(n);
    this.index = wider(this.index, i32);
    this.startWall = wider(this.startWall, f64);
    this.endWall = wider(this.endWall, f64);
    this.durationDays = wider(this.durationDays, f64);
    this.durationMs = wider(this.durationMs, f64);
    this.sequence = wider(this.sequence, f64);
    this.startZone = wider(this.startZone, i32);
    this.endZone = wider(this.endZone, i32);
    this.flags = wider(this.flags, (n) => new Uint8Array(n));
    this.uidPart = wider(this.uidPart, i32);
    this.uidAt = wider(this.uidAt, i32);
    this.uidLength = wider(this.uidLength, i32);
  }
}

/** Every event of a parsed calendar as records, in the file's order (simple ones given back from their columns). */
export function allEvents<Event extends { index: number }>(calendar: {
  events: Event[];
  simple?: SimpleEvents | undefined;
}): (Event | ReturnType<SimpleEvents["get"]>)[] {
  const { events, simple } = calendar;
  if (!simple || simple.count === 0) return events;
  const all: (Event | ReturnType<SimpleEvents["get"]>)[] = [];
  let i = 0;
  for (let k = 0; k < simple.count; k++) {
    const at = simple.index[k] as number;
    while (i < events.length && (events[i] as Event).index < at) all.push(events[i++] as Event);
    all.push(simple.get(k));
  }
  while (i < events.length) all.push(events[i++] as Event);
  return all;
}

/** How many VEVENTs a parsed calendar holds, and how many of them are not cancelled. */
export function eventCounts(calendar: {
  events: { cancelled: boolean }[];
  simple?: SimpleEvents | undefined;
}) {
  let live = 0;
  for (const event of calendar.events) if (!event.cancelled) live++;
  const { simple } = calendar;
  const simpleCount = simple?.count ?? 0;
  for (let k = 0; k < simpleCount; k++) if (!simple?.isCancelled(k)) live++;
  return { all: calendar.events.length + simpleCount, live };
}
