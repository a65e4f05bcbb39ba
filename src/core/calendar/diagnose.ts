import ICAL from "ical.js";
import { IcsError } from "./types";

/** Whether every END closes the BEGIN it should (ical.js does not check the names): one regex pass. */
export function componentsNest(text: string): boolean {
  const marker = /^(BEGIN|END):([^\r\n]*)/gim;
  const open: string[] = [];
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    const name = (m[2] as string).trim().toUpperCase();
    if ((m[1] as string).length === 5) open.push(name);
    else if (open.pop() !== name) return false;
  }
  return open.length === 0;
}

/**
 * The slow path, taken only once ical.js has refused a file: walk its lines to name the first one
 * that is wrong (not a content line, an END that closes the wrong BEGIN, a BEGIN never closed).
 */
export function diagnose(text: string): IcsError {
  const lines = text.split(/\r?\n/);
  const open: { name: string; line: number }[] = [];
  let sawBegin = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const number = i + 1;
    if (line === "" || line.startsWith(" ") || line.startsWith("\t")) continue;
    if (!/^[A-Za-z0-9-]+[;:]/.test(line)) {
      // The line itself is not quoted: it may hold part of an event title, which Tandem never keeps.
      return new IcsError("not a content line (NAME:value)", number);
    }
    const upper = line.toUpperCase();
    if (upper.startsWith("BEGIN:")) {
      if (!sawBegin && upper !== "BEGIN:VCALENDAR") {
        return new IcsError("not an iCalendar file: it must begin with BEGIN:VCALENDAR", number);
      }
      sawBegin = true;
      open.push({ name: upper.slice(6).trim(), line: number });
    } else if (upper.startsWith("END:")) {
      const name = upper.slice(4).trim();
      const top = open.pop();
      if (!top) return new IcsError(`END:${name} without a BEGIN`, number);
      if (top.name !== name) {
        return new IcsError(`END:${name} closes BEGIN:${top.name} (line ${top.line})`, number);
      }
    } else if (!sawBegin) {
      return new IcsError("not an iCalendar file: it must begin with BEGIN:VCALENDAR", number);
    }
  }
  const unclosed = open[0];
  if (unclosed) {
    const innermost = open[open.length - 1] ?? unclosed;
    return new IcsError(
      `missing END:${innermost.name}: BEGIN:${innermost.name} at line ${innermost.line} is never closed (the file may be cut short)`,
    );
  }
  if (!sawBegin) return new IcsError("not an iCalendar file: it must begin with BEGIN:VCALENDAR", 1);
  return (
    firstUnreadableProperty(text) ??
    new IcsError("the file cannot be read as a calendar: check that it is an .ics export")
  );
}

/** Properties that carry people's free text (titles, notes, names): never quoted in an error. */
const FREE_TEXT =
  /^(SUMMARY|DESCRIPTION|LOCATION|COMMENT|CONTACT|ATTENDEE|ORGANIZER|CATEGORIES|RESOURCES|X-.*)$/;

/** The content lines of a text, unfolded, each with the 1-based number of its first line. */
function* contentLines(text: string): Generator<{ line: number; content: string }> {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let content = lines[i] as string;
    if (content === "" || /^[ \t]/.test(content)) continue;
    for (let k = i + 1; k < lines.length && /^[ \t]/.test(lines[k] as string); k++) {
      content += (lines[k] as string).slice(1);
    }
    yield { line: i + 1, content };
  }
}

/** Parses each content line alone to find the one ical.js refuses (e.g. `RRULE:FREQ=SOMETIMES`). */
function firstUnreadableProperty(text: string): IcsError | undefined {
  for (const { line, content } of contentLines(text)) {
    if (/^(BEGIN|END):/i.test(content)) continue;
    try {
      ICAL.parse.property(content);
    } catch {
      const name = content.match(/^[A-Za-z0-9-]+/)?.[0]?.toUpperCase() ?? "";
      return new IcsError(unreadable(name, rawValueOf(content)), line);
    }
  }
  return undefined;
}

const DATE_PROPERTIES = new Set([
  "DTSTART",
  "DTEND",
  "DUE",
  "RECURRENCE-ID",
  "EXDATE",
  "RDATE",
  "DTSTAMP",
  "CREATED",
  "LAST-MODIFIED",
]);

const FREQUENCY = /^(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)$/i;

/** Our sentence for a value ical.js cannot read: its text quotes only values that are not free text. */
function unreadable(name: string, raw: string): string {
  const quoted = JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw);
  if (FREE_TEXT.test(name)) return `${name} has a value that cannot be read`;
  if (DATE_PROPERTIES.has(name)) return `${name} ${quoted} is not a date`;
  if (name === "DURATION" || name === "TRIGGER") return `${name} ${quoted} is not a duration such as PT1H30M`;
  if (name === "RRULE" || name === "EXRULE") {
    const freq = /(?:^|;)FREQ=([^;]*)/i.exec(raw)?.[1];
    if (freq === undefined) return `${name} ${quoted} has no FREQ (DAILY, WEEKLY, MONTHLY, …)`;
    if (!FREQUENCY.test(freq))
      return `${name} FREQ ${JSON.stringify(freq.slice(0, 20))} is not a frequency (DAILY, WEEKLY, MONTHLY, …)`;
    return `${name} ${quoted} cannot be read: check each of its parts`;
  }
  return `${name} has a value that cannot be read`;
}

/** The value of a content line: what follows the first colon outside a quoted parameter. */
function rawValueOf(content: string): string {
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (c === '"') quoted = !quoted;
    else if (c === ":" && !quoted) return content.slice(i + 1);
  }
  return "";
}

/**
 * The line and the value as written of the first property `name` whose jCal values hold `value`, so
 * an error about a value can name both; `undefined` when not found. Slow: for errors only.
 */
export function findProperty(
  text: string,
  name: string,
  value: unknown,
): { line: number; raw: string } | undefined {
  const wanted = name.toUpperCase();
  const needle = JSON.stringify(value);
  for (const { line, content } of contentLines(text)) {
    const head = content.slice(0, wanted.length + 1).toUpperCase();
    if (head !== `${wanted}:` && head !== `${wanted};`) continue;
    let values: unknown[];
    try {
      values = ICAL.parse.property(content).slice(3);
    } catch {
      continue;
    }
    const at = values.findIndex((v) => JSON.stringify(v).includes(needle));
    if (at < 0) continue;
    const raw = rawValueOf(content);
    const item = values.length > 1 ? (raw.split(",")[at] ?? raw) : raw;
    return { line, raw: item.length > 60 ? `${item.slice(0, 60)}…` : item };
  }
  return undefined;
}

/** The 1-based line of the `index`-th (0-based) `BEGIN:VEVENT`, or `undefined`. */
export function lineOfEvent(text: string, index: number): number | undefined {
  return eventLines(text)(index);
}

/**
 * {@link lineOfEvent} for many events of one text: the lines of every `BEGIN:VEVENT` are found in
 * one pass on the first call and kept, so a calendar naming a hundred problems walks its text once.
 */
export function eventLines(text: string): (index: number) => number | undefined {
  let lines: number[] | undefined;
  return (index) => {
    if (!lines) {
      lines = [];
      for (const { line, content } of contentLines(text)) {
        if (/^BEGIN:VEVENT\s*$/i.test(content)) lines.push(line);
      }
    }
    return lines[index];
  };
}

/**
 * The 1-based number of the first line holding property `name` (with `value` in it, when given),
 * so an error about a value can name its line; `undefined` when not found.
 */
export function lineOfProperty(text: string, name: string, value?: string): number | undefined {
  const wanted = name.toUpperCase();
  let line = 1;
  let from = 0;
  while (from <= text.length) {
    const newline = text.indexOf("\n", from);
    const end = newline < 0 ? text.length : newline;
    const head = text.slice(from, from + wanted.length + 1).toUpperCase();
    if (head === `${wanted}:` || head === `${wanted};`) {
      if (value === undefined || text.slice(from, end).includes(value)) return line;
    }
    if (newline < 0) break;
    from = newline + 1;
    line++;
  }
  return undefined;
}
