import ICAL from "ical.js";
import { DAY_MS, epochDayToDate, formatOffset, offsetAt, transitionsBetween } from "../time";

/** jCal (RFC 7265) as ical.js reads and writes it: what Tandem's ICS writers build. */
export type JProp = [string, Record<string, string>, string, ...unknown[]];
export type JComp = [string, JProp[], JComp[]];

/** RRULE weekday names, Monday first (as `WEEKDAYS`). */
export const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

/** `"2026-03-02T09:00:00"` of a day number and minutes after its midnight (1440 = next midnight). */
export const localDateTime = (epochDay: number, minutes: number) =>
  `${epochDayToDate(epochDay + Math.floor(minutes / 1440))}T${String(Math.floor((minutes % 1440) / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00`;

/** A UTC DATE-TIME value of an instant, whole seconds: `"2026-03-02T09:00:00Z"`. */
export const utcDateTime = (ms: number) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * A value for a TEXT property: a line break of any kind becomes "\n" (which ical.js escapes, with
 * backslash, ";" and ","), and other control characters, which RFC 5545 text may not hold, go —
 * so a CR in a name can never end a line.
 */
export const plainText = (value: string) =>
  Array.from(value.replace(/\r\n?/g, "\n"))
    .filter((char) => char === "\t" || char === "\n" || (char >= " " && char !== "\u007f"))
    .join("");

/** A jCal VCALENDAR as iCalendar text: ical.js's escaping, then folded by octets with CRLF endings. */
export const writeIcs = (calendar: JComp): string =>
  contentLines(ICAL.stringify(calendar as unknown as unknown[]));

/**
 * ical.js folds at 75 characters; RFC 5545 asks for 75 octets, and multibyte text makes longer
 * lines. Unfold its output and fold again by octets, never inside a UTF-8 sequence, ending every
 * line (the last one too) with CRLF.
 */
function contentLines(text: string): string {
  const lines = text
    .replace(/\r\n /g, "")
    .split("\r\n")
    .filter((line) => line.length > 0);
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

const FOLD_OCTETS = 75;

function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0) ?? 0);
    // A continuation line's leading space counts towards its 75 octets.
    if (octets + size > FOLD_OCTETS - (parts.length > 0 ? 1 : 0)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const utf8Octets = (codePoint: number) =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/** The zone's offset changes in [from, to] as STANDARD/DAYLIGHT observances, one DTSTART each. */
export function vtimezone(timeZone: string, from: number, to: number): JComp {
  const observance = (at: number, before: number, after: number): JComp => {
    const wall = at + before;
    const day = Math.floor(wall / DAY_MS);
    return [
      after > before ? "daylight" : "standard",
      [
        ["dtstart", {}, "date-time", localDateTime(day, Math.round((wall - day * DAY_MS) / 60_000))],
        ["tzoffsetfrom", {}, "utc-offset", formatOffset(before)],
        ["tzoffsetto", {}, "utc-offset", formatOffset(after)],
      ],
      [],
    ];
  };
  const initial = offsetAt(timeZone, from);
  const changes = transitionsBetween(timeZone, from, to).map((t) => observance(t.at, t.before, t.after));
  return [
    "vtimezone",
    [["tzid", {}, "text", timeZone]],
    [observance(from - (from % DAY_MS), initial, initial), ...changes],
  ];
}
