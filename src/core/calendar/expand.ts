import { DAY_MS, type Interval } from "../time";
import { Expansion } from "./expansion";
import { SimpleEvents } from "./simple-events";
import type { ExpandOptions, ExpandResult, IcsEvent, ParsedCalendar } from "./types";
import { CalendarZones } from "./zones";

export { MAX_INSTANCES } from "./expansion";

/**
 * Busy time of a parsed calendar inside the horizon (`pastDays` before to `futureDays` after `now`):
 * recurrences expanded (RRULE, RDATE, minus EXDATE), each RECURRENCE-ID override replacing its
 * instance (moved, or removed when cancelled; with RANGE=THISANDFUTURE every later one too), only
 * the highest SEQUENCE of each version kept, transparent and cancelled events left out, all-day and
 * floating times read in the owner's zone (floating in `X-WR-TIMEZONE` when the file names one).
 * Sorted and merged. Rules that cannot be expanded in full are reported in `problems`.
 */
export function expandBusy(calendar: ParsedCalendar, options: ExpandOptions): ExpandResult {
  const horizon = {
    start: options.now - (options.pastDays ?? 90) * DAY_MS,
    end: options.now + (options.futureDays ?? 365) * DAY_MS,
  };
  const zones = new CalendarZones(options.ownerZone, calendar.timezones, horizon, calendar.defaultZone);
  const simple = calendar.simple ?? NO_SIMPLE;
  // Most events give one busy period, a weekly series a few dozen: room for four per event to begin with.
  const capacity = (calendar.events.length + simple.count) * 4;
  const expansion = new Expansion(zones, horizon, calendar.lineOfEvent, capacity);
  const events = calendar.events;
  const { masters, versions, masterOrder, masterCount, orphanOrder } = latestVersions(events, simple);
  for (let k = 0; k < masterCount; k++) {
    const series = masterOrder[k] as number;
    const overrides = versions[series];
    const master = masters[series] as number;
    if (master >= 0 && !overrides) expansion.addSimple(simple, master);
    else {
      expansion.addSeries(
        master >= 0 ? simple.get(master) : (events[EVENT - master] as IcsEvent),
        overrides ? [...overrides.values()] : NO_OVERRIDES,
      );
    }
  }
  for (let k = 0; k < orphanOrder.length; k++) {
    const series = orphanOrder[k] as number;
    if (masters[series] !== NONE) continue;
    for (const event of (versions[series] as Map<string, IcsEvent>).values()) {
      if (!event.cancelled) expansion.addSingle(event);
    }
  }
  return {
    busy: union(
      expansion.starts.subarray(0, expansion.count),
      expansion.ends.subarray(0, expansion.count),
      horizon,
    ),
    instances: expansion.count,
    horizon,
    warnings: zones.warnings,
    problems: expansion.problems,
  };
}

const NO_OVERRIDES: IcsEvent[] = [];
const NO_SIMPLE = new SimpleEvents();

/** No master (see {@link latestVersions}). */
const NONE = -1;
/** `EVENT - i`: the master is record `i` of the events (a simple event's number is 0 or more). */
const EVENT = -2;

/**
 * Of several versions of one UID (the series) or one UID + RECURRENCE-ID (an instance), the one with
 * the highest SEQUENCE; the later one in the file on a tie, as calendar apps keep the last received.
 * Each UID is a series, numbered in the order first seen: its master (`masters`: {@link NONE}, the
 * number of a simple event, or `EVENT − i` for record `i` of `events`), its overridden instances by
 * RECURRENCE-ID (`versions`); the first `masterCount` of `masterOrder` list the series in the order
 * of each UID's first master, `orphanOrder` (those with overrides, whose master may be missing) in
 * the order of each UID's first override. UIDs are found through {@link UidTable}, not a Map: most
 * are unique, and a Map of tens of thousands of fresh strings costs more than reading them.
 */
function latestVersions(events: IcsEvent[], simple: SimpleEvents) {
  const size = events.length + simple.count;
  const table = new UidTable(size);
  const masters = new Int32Array(size).fill(NONE);
  const versions: (Map<string, IcsEvent> | undefined)[] = [];
  const masterOrder = new Int32Array(size);
  let masterCount = 0;
  const orphanOrder: number[] = [];
  const sequences = simple.sequence;
  const simpleIndex = simple.index;
  const { uidParts, uidPart, uidAt, uidLength } = simple;
  // The two lists are read together in the file's order (a later version wins a tie).
  for (let i = 0, k = 0; i < events.length || k < simple.count; ) {
    if (
      k < simple.count &&
      (i === events.length || (simpleIndex[k] as number) < (events[i] as IcsEvent).index)
    ) {
      const uidText = uidParts[uidPart[k] as number] as string;
      const series = table.seriesOf(uidText, uidAt[k] as number, uidLength[k] as number);
      if (series === versions.length) versions.push(undefined);
      const seen = masters[series] as number;
      if (seen === NONE) masterOrder[masterCount++] = series;
      if (seen === NONE || (sequences[k] as number) >= sequenceOf(seen, events, sequences))
        masters[series] = k;
      k++;
      continue;
    }
    const event = events[i] as IcsEvent;
    const series = table.seriesOf(event.uid, 0, event.uid.length);
    if (series === versions.length) versions.push(undefined);
    if (!event.recurrenceId) {
      const seen = masters[series] as number;
      if (seen === NONE) masterOrder[masterCount++] = series;
      if (seen === NONE || event.sequence >= sequenceOf(seen, events, sequences)) masters[series] = EVENT - i;
      i++;
      continue;
    }
    i++;
    const key = `${event.recurrenceId.zone}|${event.recurrenceId.wall}`;
    let overrides = versions[series];
    if (!overrides) {
      overrides = new Map();
      versions[series] = overrides;
      orphanOrder.push(series);
    }
    if (newer(event, overrides.get(key))) overrides.set(key, event);
  }
  return { masters, versions, masterOrder, masterCount, orphanOrder };
}

/** The SEQUENCE of a master as {@link latestVersions} numbers it. */
const sequenceOf = (master: number, events: IcsEvent[], sequences: Float64Array) =>
  master >= 0 ? (sequences[master] as number) : (events[EVENT - master] as IcsEvent).sequence;

/**
 * Numbers the distinct UIDs of a calendar 0, 1, 2, … in the order first seen: an open-addressing
 * table of their FNV-1a hashes (computed here, in one pass over each UID) with the UIDs beside, each
 * as where it lies in a string (a simple event's UID is a stretch of a longer one: see SimpleEvents).
 */
class UidTable {
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  /** Series `n`'s UID: `texts[n]` from `starts[n]`, `lengths[n]` long. */
  private readonly texts: string[] = [];
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  private readonly mask: number;

  constructor(expected: number) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(size);
    this.starts = new Int32Array(expected);
    this.lengths = new Int32Array(expected);
  }

  /**
   * The number of the UID `text[from, from + length)`: a new one (the count of UIDs seen so far)
   * when it was not seen before.
   */
  seriesOf(text: string, from: number, length: number): number {
    let hash = 0x811c9dc5;
    for (let k = from; k < from + length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
    const { slots, hashes, texts, mask } = this;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const series = slots[at] as number;
      if (series < 0) {
        const number = texts.length;
        slots[at] = number;
        hashes[at] = hash;
        texts.push(text);
        this.starts[number] = from;
        this.lengths[number] = length;
        return number;
      }
      if (hashes[at] === hash && this.same(series, text, from, length)) return series;
    }
  }

  /** Whether series `series`'s UID is `text[from, from + length)`. */
  private same(series: number, text: string, from: number, length: number): boolean {
    if (this.lengths[series] !== length) return false;
    const known = this.texts[series] as string;
    const start = this.starts[series] as number;
    for (let k = 0; k < length; k++)
      if (known.charCodeAt(start + k) !== text.charCodeAt(from + k)) return false;
    return true;
  }
}

const newer = (event: IcsEvent, seen: IcsEvent | undefined) => !seen || event.sequence >= seen.sequence;

/**
 * The union of intervals given as their starts and ends (each end after its start, both inside
 * `horizon`), sorted and merged — touching intervals join. Counted by quarter hour or minute when they allow it
 * ({@link countedUnion}), else sorted and swept ({@link sortedUnion}).
 */
function union(starts: Float64Array, ends: Float64Array, horizon: Interval): Interval[] {
  return countedUnion(starts, ends, horizon) ?? sortedUnion(starts, ends);
}

/** Steps that instants of a calendar are usually whole multiples of: quarter hours (zone offsets are too), 5 minutes, minutes. */
const STEPS = [900_000, 300_000, 60_000];
/** Below this many intervals sorting is cheap enough. */
const MIN_COUNTED = 2048;
/** The most slots counted (16 MB of counts); more are sorted instead. */
const MAX_SLOTS = 1 << 22;
/** The most slots whose counts are kept from one call to the next (8 MB). */
const KEPT_SLOTS = 1 << 21;
/** Counts kept between calls, all 0 (each sweep clears what it counted): fresh memory costs more to touch than to count in. */
let keptCounts = new Int32Array(0);

/**
 * {@link sortedUnion} without sorting, when every instant is the horizon's start or end or a whole
 * step (a quarter hour, else 5 minutes, else a minute) between: each of those instants is a slot,
 * and the intervals are counted into the slots — +1 where one starts, −1 where one ends — and swept
 * in order. The union is open where the running sum is above 0; at a slot where some intervals end
 * and others start, those ending were all open before it, so the sum stays above 0 and they join, as
 * in the sweep. `undefined` when some instant is none of those, or the slots far outnumber the intervals.
 */
export function countedUnion(
  starts: Float64Array,
  ends: Float64Array,
  horizon: Interval,
): Interval[] | undefined {
  const n = starts.length;
  const { start, end } = horizon;
  if (n < MIN_COUNTED || !(start < end) || !Number.isFinite(start) || !Number.isFinite(end)) return undefined;
  for (const step of STEPS) {
    // The first whole step after the start, and how many fall before the end.
    const first = Math.floor(start / step) * step + step;
    if (!(first > start)) return undefined;
    const slots = Math.max(0, Math.ceil((end - first) / step)) + 2;
    if (slots > MAX_SLOTS || slots > 16 * n) return undefined;
    let counts = keptCounts;
    if (counts.length < slots) {
      counts = new Int32Array(slots);
      if (slots <= KEPT_SLOTS) keptCounts = counts;
    }
    if (
      count(starts, 1, counts, start, end, first, step, slots) &&
      count(ends, -1, counts, start, end, first, step, slots)
    ) {
      return sweep(counts, start, end, first, step, slots);
    }
    counts.fill(0, 0, slots);
  }
  return undefined;
}

/**
 * Adds `by` to the slot of each instant (see {@link countedUnion}): slot 0 the horizon's start,
 * 1… the whole steps from `first`, the last one the horizon's end. False when one has no slot.
 */
function count(
  instants: Float64Array,
  by: number,
  counts: Int32Array,
  start: number,
  end: number,
  first: number,
  step: number,
  slots: number,
): boolean {
  const inner = slots - 2;
  for (let i = 0; i < instants.length; i++) {
    const instant = instants[i] as number;
    let slot: number;
    if (instant === start) slot = 0;
    else if (instant === end) slot = slots - 1;
    else {
      const k = (instant - first) / step;
      if (!Number.isInteger(k) || k < 0 || k >= inner || first + k * step !== instant) return false;
      slot = k + 1;
    }
    counts[slot] = (counts[slot] as number) + by;
  }
  return true;
}

/** The union of the intervals counted into slots (see {@link countedUnion}); the counts are left 0. */
function sweep(counts: Int32Array, start: number, end: number, first: number, step: number, slots: number) {
  const merged: Interval[] = [];
  let open = 0;
  let from = 0;
  for (let slot = 0; slot < slots; slot++) {
    const change = counts[slot] as number;
    if (change === 0) continue;
    counts[slot] = 0;
    const instant = slot === 0 ? start : slot === slots - 1 ? end : first + (slot - 1) * step;
    if (open === 0) from = instant;
    open += change;
    if (open === 0) merged.push({ start: from, end: instant });
  }
  return merged;
}

/**
 * The union of intervals given as their starts and ends (each end after its start), sorted and
 * merged — touching intervals join. Starts and ends are sorted apart, in place (numeric sorts of
 * typed arrays, no objects) and swept: the union is open while more intervals have started than ended.
 */
export function sortedUnion(starts: Float64Array, ends: Float64Array): Interval[] {
  sort(starts);
  sort(ends);
  const merged: Interval[] = [];
  let open = 0;
  let from = 0;
  for (let i = 0, j = 0; i < starts.length || j < ends.length; ) {
    // At equal instants starts go first, so an interval that begins where another ends joins it.
    if (i < starts.length && (starts[i] as number) <= (ends[j] as number)) {
      if (open++ === 0) from = starts[i] as number;
      i++;
    } else {
      if (--open === 0) merged.push({ start: from, end: ends[j] as number });
      j++;
    }
  }
  return merged;
}

/**
 * Sorts `values` in place, as `Float64Array.prototype.sort` would: a few (one series, say, nearly in
 * order) by insertion, else by radix when they fit (exported for its test against the native sort).
 */
export function sort(values: Float64Array): void {
  if (values.length > 256) {
    if (!radixSort(values)) values.sort();
    return;
  }
  for (let i = 1; i < values.length; i++) {
    const v = values[i] as number;
    let j = i - 1;
    for (; j >= 0 && (values[j] as number) > v; j--) values[j + 1] = values[j] as number;
    values[j + 1] = v;
  }
}

/** Units that instants of a calendar are usually whole multiples of: minutes, seconds, milliseconds. */
const UNITS = [60_000, 1000, 1];
const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;

/**
 * Sorts whole-millisecond instants in place by least-significant-digit radix sort — several times
 * faster than the native numeric sort on a calendar's tens of thousands of instants. Each instant
 * becomes a 32-bit key, its distance from the smallest in the coarsest unit they are all multiples
 * of (a horizon of years in minutes or seconds fits); false, untouched, when they do not fit so.
 */
function radixSort(values: Float64Array): boolean {
  const n = values.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let unitAt = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
    // Not `v % unit` (a floating-point remainder, slow): the quotient of an instant of the horizon
    // (whole ms, far below 2⁵³) is whole exactly when the unit divides it, else off by ≥ 1/unit.
    while (unitAt < UNITS.length && !Number.isInteger(v / (UNITS[unitAt] as number))) unitAt++;
  }
  const unit = UNITS[unitAt];
  if (unit === undefined || (max - min) / unit >= 2 ** 32) return false;
  let keys = new Uint32Array(n);
  let spare = new Uint32Array(n);
  for (let i = 0; i < n; i++) keys[i] = ((values[i] as number) - min) / unit;
  const count = new Uint32Array(DIGITS);
  for (let shift = 0; shift < 32 && (max - min) / unit >= 2 ** shift; shift += DIGIT_BITS) {
    count.fill(0);
    for (let i = 0; i < n; i++) {
      const digit = ((keys[i] as number) >>> shift) & (DIGITS - 1);
      count[digit] = (count[digit] as number) + 1;
    }
    let sum = 0;
    for (let d = 0; d < DIGITS; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const key = keys[i] as number;
      const digit = (key >>> shift) & (DIGITS - 1);
      const at = count[digit] as number;
      spare[at] = key;
      count[digit] = at + 1;
    }
    const sorted = spare;
    spare = keys;
    keys = sorted;
  }
  for (let i = 0; i < n; i++) values[i] = min + (keys[i] as number) * unit;
  return true;
}
