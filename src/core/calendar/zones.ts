import ICAL from "ical.js";
import { isValidTimeZone, offsetAt, wallClockToInstant } from "../time";
import { fieldsToWall, wallFields } from "./values";
import { windowsZoneToIana } from "./windows-zones";

/** Reads wall-clock times of one zone of a calendar (wall = local fields encoded as UTC epoch ms). */
export interface ZoneReader {
  toInstant(wall: number): number;
  toWall(instant: number): number;
}

const UTC_READER: ZoneReader = { toInstant: (wall) => wall, toWall: (instant) => instant };

function ianaReader(zone: string): ZoneReader {
  return {
    toInstant: (wall) => wallClockToInstant(zone, wall),
    toWall: (instant) => instant + offsetAt(zone, instant),
  };
}

/** An IANA name for a TZID: IANA itself, a Windows name, or a prefixed path such as `/mozilla.org/…/Europe/Berlin`. */
export function ianaZoneOf(tzid: string): string | undefined {
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
 * Resolves the zones of one calendar, once per TZID: IANA and Windows names through the cached
 * transitions of core/time; a custom VTIMEZONE (Outlook's "Customized Time Zone") through
 * ical.js's own reading of its rules; anything else in the owner's zone, with a warning.
 */
export class CalendarZones {
  private readonly readers = new Map<string, ZoneReader>();
  readonly warnings: string[] = [];

  constructor(
    private readonly ownerZone: string,
    private readonly timezones: Map<string, unknown>,
  ) {}

  reader(zone: string): ZoneReader {
    let reader = this.readers.get(zone);
    if (!reader) {
      reader = this.resolve(zone);
      this.readers.set(zone, reader);
    }
    return reader;
  }

  private resolve(zone: string): ZoneReader {
    if (zone === "utc") return UTC_READER;
    if (zone === "floating") return ianaReader(this.ownerZone);
    const iana = ianaZoneOf(zone) ?? this.locationOf(zone);
    if (iana) return ianaReader(iana);
    const component = this.timezones.get(zone);
    if (component) return vtimezoneReader(zone, component);
    this.warnings.push(`unknown time zone ${JSON.stringify(zone)}: read in ${this.ownerZone}`);
    return ianaReader(this.ownerZone);
  }

  /** The `X-LIC-LOCATION` that some writers put in a VTIMEZONE with a private TZID. */
  private locationOf(zone: string): string | undefined {
    const component = this.timezones.get(zone) as [string, [string, unknown, string, unknown][]] | undefined;
    const location = component?.[1].find((p) => p[0] === "x-lic-location")?.[3];
    return typeof location === "string" ? ianaZoneOf(location) : undefined;
  }
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
