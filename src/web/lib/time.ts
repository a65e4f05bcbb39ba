import type { ClockFormat } from "../../contracts/people";
import { instantToLocal, localToInstant } from "../../core/time";

// Browsers report some zones by their old ICU names; people know the current ones.
const CURRENT_NAMES: Record<string, string> = {
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Rangoon": "Asia/Yangon",
  "Europe/Kiev": "Europe/Kyiv",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
};

/** The browser's IANA time zone, offered as the default wherever a zone is asked for. */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  return CURRENT_NAMES[zone] ?? zone;
}

type When = number | string | Date;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(undefined, { ...options, timeZone: zone });
    formatters.set(key, found);
  }
  return found;
}

// One setting for the whole app, set by the session (the person's choice, else the browser's habit),
// so every page formats times alike without passing it around.
let clock: ClockFormat = "24h";

export function setClockFormat(format: ClockFormat): void {
  clock = format;
}

export function clockFormat(): ClockFormat {
  return clock;
}

/** 12 or 24 hours, as the browser's locale shows times. */
export function browserClockFormat(): ClockFormat {
  const cycle = new Intl.DateTimeFormat(undefined, { hour: "numeric" }).resolvedOptions().hourCycle;
  return cycle === "h11" || cycle === "h12" ? "12h" : "24h";
}

const hourOptions = (): Intl.DateTimeFormatOptions =>
  clock === "12h"
    ? { hour: "numeric", minute: "2-digit", hourCycle: "h12" }
    : { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

/** "14:30" (or "2:30 pm") on the wall clock of `zone`. */
export function formatTime(when: When, zone: string): string {
  return formatter(zone, hourOptions()).format(new Date(when));
}

/** "Wed 14 Jan, 14:30" on the wall clock of `zone`. */
export function formatDateTime(when: When, zone: string): string {
  return formatter(zone, { weekday: "short", day: "numeric", month: "short", ...hourOptions() }).format(
    new Date(when),
  );
}

/** "Wednesday 14:30" on the wall clock of `zone`. */
export function formatWeekdayTime(when: When, zone: string): string {
  return formatter(zone, { weekday: "long", ...hourOptions() }).format(new Date(when));
}

/** A wall-clock "HH:MM" (working hours, rules) in the clock format: "14:30" or "2:30 pm"; "24:00" ends a day. */
export function formatClock(hhmm: string): string {
  if (clock === "24h") return hhmm;
  const [hours = 0, minutes = 0] = hhmm.split(":").map(Number);
  return formatter("UTC", hourOptions()).format(Date.UTC(2000, 0, 1, hours, minutes));
}

/** An hour of the day as a label: "09:00" or "9:00 am". */
export function formatHour(hour: number): string {
  return formatClock(`${String(hour).padStart(2, "0")}:00`);
}

/** "Wed 14 Jan" for a local `YYYY-MM-DD` date (zone-free: the date as written). */
export function formatDate(date: string): string {
  return formatter("UTC", { weekday: "short", day: "numeric", month: "short" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** "14:30–16:00", in `zone`. */
export function formatSpan(span: { start: number; end: number }, zone: string): string {
  // A span running to the end of the day ends at the next midnight: "00:00–00:00" would read as nothing.
  const end = instantToLocal(zone, span.end).minutes === 0 && span.end > span.start ? "midnight" : null;
  return `${formatTime(span.start, zone)}–${end ?? formatTime(span.end, zone)}`;
}

/** The local date of `instant` in `zone`, and the instants of that day's midnight and the next. */
export function localDay(zone: string, instant: number): { date: string; start: number; end: number } {
  const { date } = instantToLocal(zone, instant);
  return { date, start: localToInstant(zone, date, 0), end: localToInstant(zone, date, 1440) };
}
