import { IANA_ALIAS_MAP, WINDOWS_TO_IANA_MAP } from "windows-iana";
import { isValidTimeZone, offsetAt } from "../time";

/** Windows zone ids (any letter case) → the primary ("001") IANA zone of CLDR's windowsZones.xml. */
const WINDOWS_IDS = new Map(
  WINDOWS_TO_IANA_MAP.filter((entry) => entry.territory === "001").map((entry) => [
    entry.windowsName.toLowerCase(),
    entry.iana[0] as string,
  ]),
);

/** Every Windows zone id windows-iana maps (for tests). */
export const WINDOWS_ZONE_NAMES = WINDOWS_TO_IANA_MAP.filter((entry) => entry.territory === "001").map(
  (entry) => entry.windowsName,
);

/**
 * The IANA zone for a Windows zone as Outlook and Exchange write it in TZID: the id
 * (`W. Europe Standard Time`) or the display name (`(UTC+01:00) Amsterdam, Berlin, Bern, …`),
 * in any letter case; `undefined` when it is neither.
 */
export function windowsZoneToIana(name: string): string | undefined {
  const trimmed = name.trim();
  return WINDOWS_IDS.get(trimmed.toLowerCase()) ?? displayNameToIana(trimmed);
}

const DISPLAY_NAME = /^\(UTC(?:([+-])(\d{1,2}):(\d{2}))?\)\s*(.+)$/i;

/**
 * A display name names its UTC offset and places ("(UTC-05:00) Eastern Time (US & Canada)"): the
 * first place that is a city of an IANA zone with that standard offset, else "X Time" read as the
 * Windows id "X Standard Time", else the fixed offset (whole hours only; no daylight saving).
 */
function displayNameToIana(name: string): string | undefined {
  const match = DISPLAY_NAME.exec(name);
  if (!match) return undefined;
  const sign = match[1] === "-" ? -1 : 1;
  const offsetMinutes = sign * (Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0));
  const places = (match[4] as string).split(",").map((place) => place.trim().toLowerCase());
  for (const place of places) {
    const zone = zonesByCity().get(place);
    if (zone && standardOffsetMinutes(zone) === offsetMinutes) return zone;
  }
  const generic = (places[0] ?? "").replace(/\s*\(.*\)$/, "").replace(/ time$/, " standard time");
  const windows = WINDOWS_IDS.get(generic);
  if (windows && standardOffsetMinutes(windows) === offsetMinutes) return windows;
  if (offsetMinutes === 0) return "Etc/UTC";
  return offsetMinutes % 60 === 0
    ? `Etc/GMT${offsetMinutes > 0 ? "-" : "+"}${Math.abs(offsetMinutes / 60)}`
    : undefined;
}

/** The smaller of a zone's January and July offsets in 2025: its standard offset, in minutes. */
function standardOffsetMinutes(zone: string): number {
  const january = offsetAt(zone, Date.UTC(2025, 0, 15));
  const july = offsetAt(zone, Date.UTC(2025, 6, 15));
  return Math.min(january, july) / 60_000;
}

let cities: Map<string, string> | undefined;

/** City names (lower case) → IANA zone: CLDR's descriptions ("Amsterdam, Netherlands") and zone ids. */
function zonesByCity(): Map<string, string> {
  if (cities) return cities;
  cities = new Map();
  for (const zone of Intl.supportedValuesOf("timeZone")) {
    const city = zone.split("/").pop()?.replace(/_/g, " ").toLowerCase();
    if (city && !cities.has(city)) cities.set(city, zone);
  }
  for (const entry of IANA_ALIAS_MAP) {
    const city = entry.description.split(",")[0]?.trim().toLowerCase();
    const zone = entry.alias.find(isValidTimeZone);
    if (city && zone && !cities.has(city)) cities.set(city, zone);
  }
  return cities;
}
