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

/** "14:30" on the wall clock of `zone`. */
export function formatTime(when: When, zone: string): string {
  return formatter(zone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(when));
}

/** "Wed 14 Jan, 14:30" on the wall clock of `zone`. */
export function formatDateTime(when: When, zone: string): string {
  return formatter(zone, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(when));
}

/** "Wed 14 Jan" for a local `YYYY-MM-DD` date (zone-free: the date as written). */
export function formatDate(date: string): string {
  return formatter("UTC", { weekday: "short", day: "numeric", month: "short" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** "14:30–16:00", in `zone`. */
export function formatSpan(span: { start: number; end: number }, zone: string): string {
  return `${formatTime(span.start, zone)}–${formatTime(span.end, zone)}`;
}

/** The local date of `instant` in `zone`, and the instants of that day's midnight and the next. */
export function localDay(zone: string, instant: number): { date: string; start: number; end: number } {
  const { date } = instantToLocal(zone, instant);
  return { date, start: localToInstant(zone, date, 0), end: localToInstant(zone, date, 1440) };
}
