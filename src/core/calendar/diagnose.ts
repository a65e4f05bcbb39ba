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
export function diagnose(text: string, parserMessage: string): IcsError {
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
  return firstUnreadableProperty(lines) ?? new IcsError(`unreadable calendar: ${parserMessage}`);
}

/** Properties that carry people's free text (titles, notes, names): never quoted in an error. */
const FREE_TEXT =
  /^(SUMMARY|DESCRIPTION|LOCATION|COMMENT|CONTACT|ATTENDEE|ORGANIZER|CATEGORIES|RESOURCES|X-.*)$/;

/** Parses each unfolded content line alone to find the one ical.js refuses (e.g. `RRULE:FREQ=SOMETIMES`). */
function firstUnreadableProperty(lines: string[]): IcsError | undefined {
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    if (line === "" || /^[ \t]/.test(line) || /^(BEGIN|END):/i.test(line)) continue;
    for (let k = i + 1; k < lines.length && /^[ \t]/.test(lines[k] as string); k++) {
      line += (lines[k] as string).slice(1);
    }
    try {
      ICAL.parse.property(line);
    } catch (err) {
      // ical.js's message quotes the value: fine for a rule or a date, not for free text (titles).
      const name = line.match(/^[A-Za-z0-9-]+/)?.[0]?.toUpperCase() ?? "";
      const message = FREE_TEXT.test(name)
        ? `${name} has a value that cannot be read`
        : String((err as Error).message ?? err);
      return new IcsError(message, i + 1);
    }
  }
  return undefined;
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
