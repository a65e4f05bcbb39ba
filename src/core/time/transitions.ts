/**
 * Per-zone UTC offset transitions, found once per zone and UTC year with Intl and cached.
 * Intl is sampled every few days and bisected to the second where the offset changes; every later
 * offset lookup is a search in the cached list, never another Intl call.
 */

const SECOND_MS = 1000;
/**
 * Shorter than the closest pair of transitions in the tz database (about 7 days, e.g. Brazil's
 * cancelled DST of October 2000), so no change and its reversal can hide between two samples.
 */
const SAMPLE_STEP_S = 5 * 86_400;

export interface Transition {
  /** First instant (epoch ms) at which `after` applies. */
  readonly at: number;
  /** Offset in force before `at`, in milliseconds. */
  readonly before: number;
  /** Offset in force from `at`, in milliseconds. */
  readonly after: number;
}

interface ZoneYear {
  /** UTC year bounds in epoch ms, `[start, end)`. */
  start: number;
  end: number;
  startOffset: number;
  transitions: Transition[];
}

interface ZoneCache {
  offsetOfSecond: (epochSecond: number) => number;
  years: Map<number, ZoneYear>;
  lastUsed: ZoneYear | undefined;
}

const zones = new Map<string, ZoneCache>();

function createFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    era: "short",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
}

function intlOffsetReader(format: Intl.DateTimeFormat): (epochSecond: number) => number {
  return (epochSecond) => {
    const fields: Record<string, string> = {};
    for (const part of format.formatToParts(epochSecond * SECOND_MS)) fields[part.type] = part.value;
    const shownYear = Number(fields.year);
    const year = fields.era === "BC" || fields.era === "B" ? 1 - shownYear : shownYear;
    const wall = new Date(0);
    wall.setUTCFullYear(year, Number(fields.month) - 1, Number(fields.day));
    wall.setUTCHours(Number(fields.hour) % 24, Number(fields.minute), Number(fields.second));
    return wall.getTime() - epochSecond * SECOND_MS;
  };
}

function zoneCache(timeZone: string): ZoneCache {
  let cache = zones.get(timeZone);
  if (!cache) {
    cache = {
      offsetOfSecond: intlOffsetReader(createFormatter(timeZone)),
      years: new Map(),
      lastUsed: undefined,
    };
    zones.set(timeZone, cache);
  }
  return cache;
}

function utcYearStartSecond(year: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, 0, 1);
  return date.getTime() / SECOND_MS;
}

/** Transitions strictly inside `(lo, hi]` seconds, given the offsets at both ends. */
function findTransitions(
  offsetOf: (s: number) => number,
  lo: number,
  loOffset: number,
  hi: number,
  hiOffset: number,
  out: Transition[],
): void {
  let from = lo;
  let fromOffset = loOffset;
  while (fromOffset !== hiOffset) {
    let below = from;
    let above = hi;
    while (above - below > 1) {
      const mid = below + Math.floor((above - below) / 2);
      if (offsetOf(mid) === fromOffset) below = mid;
      else above = mid;
    }
    const afterOffset = above === hi ? hiOffset : offsetOf(above);
    out.push({ at: above * SECOND_MS, before: fromOffset, after: afterOffset });
    from = above;
    fromOffset = afterOffset;
  }
}

function computeYear(cache: ZoneCache, year: number): ZoneYear {
  const offsetOf = cache.offsetOfSecond;
  const start = utcYearStartSecond(year);
  const end = utcYearStartSecond(year + 1);
  const startOffset = offsetOf(start);
  const transitions: Transition[] = [];
  let sample = start;
  let sampleOffset = startOffset;
  while (sample < end) {
    const next = Math.min(sample + SAMPLE_STEP_S, end);
    const nextOffset = offsetOf(next);
    findTransitions(offsetOf, sample, sampleOffset, next, nextOffset, transitions);
    sample = next;
    sampleOffset = nextOffset;
  }
  const endMs = end * SECOND_MS;
  return {
    start: start * SECOND_MS,
    end: endMs,
    startOffset,
    transitions: transitions.filter((t) => t.at < endMs),
  };
}

/** The cached year data of the UTC year containing `instant`, computing it on first use. */
function zoneYear(timeZone: string, instant: number): ZoneYear {
  const cache = zoneCache(timeZone);
  const last = cache.lastUsed;
  if (last && instant >= last.start && instant < last.end) return last;
  const year = new Date(instant).getUTCFullYear();
  let data = cache.years.get(year);
  if (!data) {
    data = computeYear(cache, year);
    cache.years.set(year, data);
  }
  cache.lastUsed = data;
  return data;
}

/** Offset from UTC in milliseconds in force in `timeZone` at `instant` (local = instant + offset). */
export function offsetAt(timeZone: string, instant: number): number {
  const { startOffset, transitions } = zoneYear(timeZone, instant);
  let offset = startOffset;
  for (const transition of transitions) {
    if (transition.at > instant) break;
    offset = transition.after;
  }
  return offset;
}

/** The offset in force throughout `[start, end]` when no transition falls inside, else `undefined`. */
export function constantOffsetBetween(timeZone: string, start: number, end: number): number | undefined {
  const year = zoneYear(timeZone, start);
  if (end >= year.end) {
    const crossing = transitionsBetween(timeZone, start, end);
    return crossing.length === 0 ? offsetAt(timeZone, start) : undefined;
  }
  let offset = year.startOffset;
  for (const transition of year.transitions) {
    if (transition.at > end) break;
    if (transition.at > start) return undefined;
    offset = transition.after;
  }
  return offset;
}

/** Transitions with `start < at <= end`, in order. */
export function transitionsBetween(timeZone: string, start: number, end: number): Transition[] {
  const result: Transition[] = [];
  let instant = start;
  while (instant <= end) {
    const year = zoneYear(timeZone, instant);
    for (const transition of year.transitions) {
      if (transition.at > start && transition.at <= end) result.push(transition);
    }
    instant = year.end;
  }
  return result;
}
