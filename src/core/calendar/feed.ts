import ICAL from "ical.js";
import {
  DAY_MS,
  dateToEpochDay,
  epochDayToDate,
  formatOffset,
  offsetAt,
  parseTimeOfDay,
  transitionsBetween,
  WEEKDAYS,
  type WeekPattern,
} from "../time";

export interface FeedInput {
  /** Shown by calendar apps as the calendar's name. */
  name: string;
  timeZone: string;
  /** Weekly focus blocks, wall-clock in `timeZone`. */
  focus: WeekPattern;
  /** Makes every UID unique to this person (e.g. their id). */
  uidPrefix: string;
  /** `YYYY-MM-DD`: the weekly events start in the week of this date. */
  since: string;
  /** "Now": DTSTAMP, and how far ahead the VTIMEZONE reaches (two years). */
  now: number;
  /** One-off events at UTC instants (saved rotation occurrences, later Tandem meetings). */
  events?: { uid: string; start: number; end: number; summary: string }[];
}

type JProp = [string, Record<string, string>, string, ...unknown[]];
type JComp = [string, JProp[], JComp[]];

const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/** `"2026-03-02T09:00:00"` of a day number and minutes after its midnight (1440 = next midnight). */
const localDateTime = (epochDay: number, minutes: number) =>
  `${epochDayToDate(epochDay + Math.floor(minutes / 1440))}T${String(Math.floor((minutes % 1440) / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00`;

/**
 * A person's iCalendar feed: one weekly-recurring VEVENT per focus block in their zone (with a
 * VTIMEZONE listing that zone's offset changes so any calendar app reads it alike), and one-off
 * events in UTC.
 */
export function calendarFeed(input: FeedInput): string {
  const sinceDay = dateToEpochDay(input.since);
  const monday = sinceDay - ((sinceDay + 3) % 7);
  const stamp = new Date(Math.floor(input.now / 1000) * 1000).toISOString().replace(/[-:]|\.000/g, "");
  const events: JComp[] = [];
  WEEKDAYS.forEach((weekday, index) => {
    (input.focus[weekday] ?? []).forEach((block, n) => {
      const start = parseTimeOfDay(block.start) ?? 0;
      const end = parseTimeOfDay(block.end, true) ?? 0;
      const tzid = { tzid: input.timeZone };
      events.push([
        "vevent",
        [
          ["uid", {}, "text", `focus-${weekday}-${n}-${input.uidPrefix}@tandem`],
          ["dtstamp", {}, "date-time", `${stamp.slice(0, 15)}Z`],
          ["dtstart", tzid, "date-time", localDateTime(monday + index, start)],
          ["dtend", tzid, "date-time", localDateTime(monday + index, end)],
          ["rrule", {}, "recur", { freq: "WEEKLY", byday: BYDAY[index] }],
          ["summary", {}, "text", "Focus time"],
          ["transp", {}, "text", "OPAQUE"],
        ],
        [],
      ]);
    });
  });
  const utc = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  for (const event of input.events ?? []) {
    events.push([
      "vevent",
      [
        ["uid", {}, "text", `${event.uid}@tandem`],
        ["dtstamp", {}, "date-time", `${stamp.slice(0, 15)}Z`],
        ["dtstart", {}, "date-time", utc(event.start)],
        ["dtend", {}, "date-time", utc(event.end)],
        ["summary", {}, "text", plainText(event.summary)],
      ],
      [],
    ]);
  }
  const calendar: JComp = [
    "vcalendar",
    [
      ["version", {}, "text", "2.0"],
      ["prodid", {}, "text", "-//Tandem//Calendar feed//EN"],
      ["calscale", {}, "text", "GREGORIAN"],
      ["x-wr-calname", {}, "text", plainText(input.name)],
      ["x-wr-timezone", {}, "text", input.timeZone],
    ],
    [vtimezone(input.timeZone, monday * DAY_MS - 7 * DAY_MS, input.now + 730 * DAY_MS), ...events],
  ];
  return contentLines(ICAL.stringify(calendar as unknown as unknown[]));
}

/**
 * A value for a TEXT property: a line break of any kind becomes "\n" (which ical.js escapes, with
 * backslash, ";" and ","), and other control characters, which RFC 5545 text may not hold, go —
 * so a CR in a name can never end a line.
 */
const plainText = (value: string) =>
  Array.from(value.replace(/\r\n?/g, "\n"))
    .filter((char) => char === "\t" || char === "\n" || (char >= " " && char !== "\u007f"))
    .join("");

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
function vtimezone(timeZone: string, from: number, to: number): JComp {
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
