import ICAL from "ical.js";
import {
  DAY_MS,
  type Interval,
  isValidTimeZone,
  offsetAt,
  transitionsBetween,
  wallClockToInstant,
} from "../time";
import { fieldsToWall, wallFields } from "./values";
import { windowsZoneToIana } from "./windows-zones";

/** Reads wall-clock times of one zone of a calendar (wall = local fields encoded as UTC epoch ms). */
export interface ZoneReader {
  toInstant(wall: number): number;
  toWall(instant: number): number;
}

const UTC_READER: ZoneReader = { toInstant: (wall) => wall, toWall: (instant) => instant };

/** The offset of `zone` throughout `[from, to]`, or NaN when it changes in between. */
const steadyOffset = (zone: string, from: number, to: number) =>
  transitionsBetween(zone, from, to).length === 0 ? offsetAt(zone, from) : Number.NaN;

/**
 * Reads an IANA zone, remembering per day the offset when it holds all that day and the next (and
 * the day before): most wall times of a calendar fall on a few hundred days, and away from a clock
 * change a conversion is then one subtraction. Days near a change take core/time's full reading.
 */
function ianaReader(zone: string): ZoneReader {
  let reader = IANA_READERS.get(zone);
  if (!reader) {
    if (IANA_READERS.size >= 200) IANA_READERS.clear();
    reader = new IanaReader(zone);
    IANA_READERS.set(zone, reader);
  }
  return reader;
}

/** One reader per IANA zone for the whole process: its days are the same for every calendar. */
const IANA_READERS = new Map<string, ZoneReader>();
/** Days remembered per zone and direction: a bound on memory, far above a horizon's few hundred. */
const MAX_DAYS = 20_000;
/** Days read from an array (no hashing) per zone and direction: about eleven years around the first one asked. */
const NEAR_DAYS = 4096;

/**
 * A zone's offset per day, or NaN for a day near a clock change, computed once by {@link compute}.
 * The days around the first one asked sit in a typed array (the hot path: a calendar's horizon),
 * any other in a bounded map. A class, not closures: its reads are the hot path of an expansion.
 */
abstract class DayOffsets {
  private readonly near = new Float64Array(NEAR_DAYS).fill(Number.POSITIVE_INFINITY); // +∞: not computed yet
  private base = 0;
  private based = false;
  private readonly far = new Map<number, number>();

  constructor(protected readonly zone: string) {}

  protected abstract compute(day: number): number;

  offset(day: number): number {
    const at = day - this.base;
    if (this.based && at >= 0 && at < NEAR_DAYS) {
      const offset = this.near[at] as number;
      if (offset !== Number.POSITIVE_INFINITY) return offset;
    }
    return this.slowOffset(day);
  }

  private slowOffset(day: number): number {
    if (!this.based) {
      this.based = true;
      this.base = day - NEAR_DAYS / 2;
    }
    const at = day - this.base;
    if (at >= 0 && at < NEAR_DAYS) {
      let offset = this.near[at] as number;
      if (offset === Number.POSITIVE_INFINITY) {
        offset = this.compute(day);
        this.near[at] = offset;
      }
      return offset;
    }
    let offset = this.far.get(day);
    if (offset === undefined) {
      offset = this.compute(day);
      if (this.far.size >= MAX_DAYS) this.far.clear();
      this.far.set(day, offset);
    }
    return offset;
  }
}

/** Wall day `day` spans instants within a day either side: steady over three days, it is safe. */
class WallDayOffsets extends DayOffsets {
  protected compute(day: number): number {
    return steadyOffset(this.zone, (day - 1) * DAY_MS, (day + 2) * DAY_MS);
  }
}

class InstantDayOffsets extends DayOffsets {
  protected compute(day: number): number {
    return steadyOffset(this.zone, day * DAY_MS, (day + 1) * DAY_MS);
  }
}

class IanaReader implements ZoneReader {
  private readonly wallDays: WallDayOffsets;
  private readonly instantDays: InstantDayOffsets;

  constructor(private readonly zone: string) {
    this.wallDays = new WallDayOffsets(zone);
    this.instantDays = new InstantDayOffsets(zone);
  }

  toInstant(wall: number): number {
    const offset = this.wallDays.offset(Math.floor(wall / DAY_MS));
    return Number.isNaN(offset) ? wallClockToInstant(this.zone, wall) : wall - offset;
  }

  toWall(instant: number): number {
    const offset = this.instantDays.offset(Math.floor(instant / DAY_MS));
    return Number.isNaN(offset) ? instant + offsetAt(this.zone, instant) : instant + offset;
  }
}

/** An IANA name for a TZID: IANA itself, a Windows name, or a prefixed path such as `/mozilla.org/…/Europe/Berlin`. */
export function ianaZoneOf(tzid: string): string | undefined {
  let known = IANA_NAMES.get(tzid);
  if (known === undefined) {
    known = findIanaZone(tzid) ?? null;
    if (IANA_NAMES.size >= 1_000) IANA_NAMES.clear();
    IANA_NAMES.set(tzid, known);
  }
  return known ?? undefined;
}

/** {@link ianaZoneOf}, remembered: checking a name builds an Intl formatter, and files repeat a few TZIDs. */
const IANA_NAMES = new Map<string, string | null>();

function findIanaZone(tzid: string): string | undefined {
  const name = tzid.trim().replace(/^"|"$/g, "");
  if (isValidTimeZone(name)) return name;
  const windows = windowsZoneToIana(name);
  if (windows) return windows;
  const segments = name.split("/").filter(Boolean);
  for (const take of [3, 2]) {
    if (segments.length < take) continue;
    const candidate = segments.slice(-take).join("/");
    if (/^[A-Z][A-Za-z_]+\//.test(candidate) && isValidTimeZone(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Resolves the zones of one calendar, once per TZID. A VTIMEZONE in the file wins over an IANA or
 * Windows zone of the same name (TZIDs match in any letter case), as other readers do; when its rules
 * agree with that zone over the horizon the cached transitions of core/time read it (fast), else
 * ical.js reads its rules. Floating times are read in the calendar's `X-WR-TIMEZONE`, else the owner's
 * zone; an unknown TZID in the owner's zone, with a warning.
 */
export class CalendarZones {
  private readonly readers = new Map<string, ZoneReader>();
  private lastZone: string | undefined;
  private lastReader: ZoneReader | undefined;
  private readonly timezones = new Map<string, unknown>();
  readonly warnings: string[] = [];

  constructor(
    private readonly ownerZone: string,
    timezones: Map<string, unknown>,
    private readonly horizon: Interval,
    private readonly defaultZone?: string,
  ) {
    for (const [tzid, component] of timezones) this.timezones.set(tzid.trim().toLowerCase(), component);
  }

  reader(zone: string): ZoneReader {
    // Consecutive times nearly always share a zone (the reader gives each TZID one string).
    if (zone === this.lastZone && this.lastReader) return this.lastReader;
    let reader = this.readers.get(zone);
    if (!reader) {
      reader = this.resolve(zone);
      this.readers.set(zone, reader);
    }
    this.lastZone = zone;
    this.lastReader = reader;
    return reader;
  }

  private resolve(zone: string): ZoneReader {
    if (zone === "utc") return UTC_READER;
    if (zone === "floating") {
      return this.defaultZone ? this.reader(this.defaultZone) : ianaReader(this.ownerZone);
    }
    const component = this.timezones.get(zone.trim().toLowerCase());
    const iana = ianaZoneOf(zone) ?? locationOf(component);
    const custom = component === undefined ? undefined : this.vtimezone(zone, component);
    if (custom && !(iana && this.agrees(component, custom, iana))) return custom;
    if (iana) return ianaReader(iana);
    this.warnings.push(`unknown time zone ${JSON.stringify(zone)}: read in ${this.ownerZone}`);
    return ianaReader(this.ownerZone);
  }

  /** {@link agrees}, remembered: writers repeat the same VTIMEZONE blocks in every file. */
  private agrees(component: unknown, custom: ZoneReader, iana: string): boolean {
    const key = `${iana}|${this.horizon.start}|${this.horizon.end}|${JSON.stringify(component)}`;
    let known = AGREEMENT.get(key);
    if (known === undefined) {
      known = agrees(custom, iana, this.horizon);
      if (AGREEMENT.size >= 500) AGREEMENT.clear();
      AGREEMENT.set(key, known);
    }
    return known;
  }

  private vtimezone(tzid: string, component: unknown): ZoneReader | undefined {
    try {
      return vtimezoneReader(tzid, component);
    } catch {
      this.warnings.push(`the VTIMEZONE of ${JSON.stringify(tzid)} cannot be read: its name is used instead`);
      return undefined;
    }
  }
}

/** The `X-LIC-LOCATION` that some writers put in a VTIMEZONE with a private TZID. */
function locationOf(component: unknown): string | undefined {
  const properties = (component as [string, [string, unknown, string, unknown][]] | undefined)?.[1];
  const location = properties?.find((p) => p[0] === "x-lic-location")?.[3];
  return typeof location === "string" ? ianaZoneOf(location) : undefined;
}

const EDGE_MS = 15 * 3_600_000;
/** Whether a VTIMEZONE (as jCal) agrees with an IANA zone over a horizon: a pure function's memo. */
const AGREEMENT = new Map<string, boolean>();

/**
 * Whether a VTIMEZONE gives the IANA zone's offsets throughout the horizon: compared 15 hours before
 * and after each of the zone's transitions (a VTIMEZONE changing on another day differs at one of
 * the two; ical.js's own conversion from UTC is off by up to the zone's offset around a change, so
 * nearer is not compared), and every 30 days (a VTIMEZONE changing where the zone does not).
 */
function agrees(custom: ZoneReader, iana: string, horizon: Interval): boolean {
  const same = (instant: number) => custom.toWall(instant) - instant === offsetAt(iana, instant);
  for (let instant = horizon.start; instant <= horizon.end; instant += 30 * DAY_MS) {
    if (!same(instant)) return false;
  }
  for (const transition of transitionsBetween(iana, horizon.start, horizon.end)) {
    if (!same(transition.at - EDGE_MS) || !same(transition.at + EDGE_MS)) return false;
  }
  return true;
}

function vtimezoneReader(tzid: string, component: unknown): ZoneReader {
  const timezone = new ICAL.Timezone({ component: new ICAL.Component(component as unknown[]), tzid });
  return {
    toInstant: (wall) => ICAL.Time.fromData(wallFields(wall), timezone).toUnixTime() * 1000,
    toWall: (instant) =>
      fieldsToWall(
        ICAL.Time.fromData(wallFields(instant), ICAL.Timezone.utcTimezone).convertToZone(timezone),
      ),
  };
}
