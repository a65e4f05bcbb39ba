import ICAL from "ical.js";
import { componentsNest, diagnose, eventLines, findProperty, lineOfProperty } from "./diagnose";
import { readQuickly, readQuicklyBytes } from "./reader";
import {
  type IcsDuration,
  IcsError,
  type IcsEvent,
  type IcsTime,
  type ParsedCalendar,
  type RecurData,
} from "./types";
import { readDuration, readTime } from "./values";

/** A jCal property: `[name, params, type, ...values]`. */
type JProp = [string, Record<string, unknown>, string, ...unknown[]];
/** A jCal component: `[name, properties, subcomponents]`. */
type JComp = [string, JProp[], JComp[]];

/**
 * Reads an iCalendar text and keeps only what free/busy needs: each VEVENT's times, recurrence,
 * transparency, status and version (and its title, only to name it in a problem). Whitespace before
 * the calendar and text after it are ignored. Tandem's own one-pass reader reads it; a text it
 * declines (an error, a rare shape) is read with ical.js, so a file that cannot be read throws an
 * {@link IcsError} naming the line.
 */
export function parseIcs(input: string): ParsedCalendar {
  return readQuickly(input) ?? parseWithIcal(input);
}

/**
 * {@link parseIcs} of a file's UTF-8 bytes, decoded a chunk at a time (a large file's text is never
 * held whole); the whole text is decoded only for a file the reader leaves to ical.js, or to name
 * the line of an event with a problem.
 */
export function parseIcsBytes(bytes: Uint8Array, chunkBytes?: number): ParsedCalendar {
  let text: string | undefined;
  // A leading BOM is kept, as in a text read from the file: the readers skip it.
  const wholeText = () => {
    text ??= new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    return text;
  };
  return readQuicklyBytes(bytes, wholeText, chunkBytes) ?? parseWithIcal(wholeText());
}

/**
 * {@link parseIcs} with ical.js's raw parser (`ICAL.parse`, jCal arrays — no object model): the
 * reading of the files the quick reader declines, and its reference in tests.
 */
export function parseWithIcal(input: string): ParsedCalendar {
  const text = tidy(input);
  let root: unknown;
  try {
    root = ICAL.parse(text);
  } catch {
    throw diagnose(text);
  }
  if (!componentsNest(text)) throw diagnose(text);
  const calendars = (Array.isArray(root) && Array.isArray(root[0]) ? root : [root]) as JComp[];
  if (calendars.length === 0 || calendars.some((c) => c?.[0] !== "vcalendar")) {
    throw new IcsError("not an iCalendar file: it must begin with BEGIN:VCALENDAR", 1);
  }
  const parsed: ParsedCalendar = {
    events: [],
    timezones: new Map(),
    lineOfEvent: eventLines(text),
  };
  for (const calendar of calendars) {
    readCalendarProperties(text, calendar, parsed);
    for (const component of calendar[2]) {
      if (component[0] === "vevent") parsed.events.push(readEvent(text, component, parsed.events.length));
      else if (component[0] === "vtimezone") {
        const tzid = component[1].find((p) => p[0] === "tzid")?.[3];
        if (typeof tzid === "string") parsed.timezones.set(tzid, component);
      }
    }
  }
  return parsed;
}

/**
 * Blank lines stay (line numbers keep counting), but whitespace before `BEGIN:VCALENDAR` and anything
 * after the last `END:VCALENDAR` go: mail clients and web servers add both.
 */
function tidy(text: string): string {
  const lead = /^[\s\uFEFF]+/.exec(text)?.[0] ?? "";
  let end = text.length;
  const last = /^END:VCALENDAR[ \t]*$/gim;
  for (let m = last.exec(text); m; m = last.exec(text)) end = m.index + m[0].length;
  return lead.replace(/[^\n]/g, "") + text.slice(lead.length, end);
}

function readCalendarProperties(text: string, calendar: JComp, parsed: ParsedCalendar): void {
  for (const prop of calendar[1]) {
    const value = String(prop[3]).trim();
    if (prop[0] === "calscale" && value.toUpperCase() !== "GREGORIAN") {
      throw new IcsError(
        `calendars in another calendar scale than the Gregorian (CALSCALE:${value.slice(0, 20)}) are not supported`,
        lineOfProperty(text, "CALSCALE"),
      );
    }
    if (prop[0] === "x-wr-timezone" && value) parsed.defaultZone = value;
  }
}

function readEvent(text: string, component: JComp, index: number): IcsEvent {
  const event: Omit<IcsEvent, "start"> & { start: IcsTime | undefined } = {
    uid: "",
    title: undefined,
    sequence: 0,
    index,
    start: undefined,
    end: undefined,
    duration: undefined,
    rrules: [],
    rdates: [],
    exdates: [],
    recurrenceId: undefined,
    thisAndFuture: false,
    transparent: false,
    cancelled: false,
  };
  for (const prop of component[1]) {
    const name = prop[0];
    const tzid = prop[1].tzid as string | undefined;
    switch (name) {
      case "uid":
        event.uid = String(prop[3]);
        break;
      case "dtstart":
        event.start = time(text, prop, prop[3], tzid);
        break;
      case "dtend":
        event.end = time(text, prop, prop[3], tzid);
        break;
      case "recurrence-id":
        event.recurrenceId = time(text, prop, prop[3], tzid);
        event.thisAndFuture = String(prop[1].range ?? "").toUpperCase() === "THISANDFUTURE";
        break;
      case "summary":
        event.title = String(prop[3]);
        break;
      case "sequence":
        event.sequence = Number(prop[3]) || 0;
        break;
      case "duration":
        event.duration = duration(text, prop, prop[3]);
        break;
      case "rrule":
        event.rrules.push(recur(text, prop));
        break;
      case "exdate":
        for (let i = 3; i < prop.length; i++) event.exdates.push(time(text, prop, prop[i], tzid));
        break;
      case "rdate":
        for (let i = 3; i < prop.length; i++) event.rdates.push(rdate(text, prop, prop[i], tzid));
        break;
      case "transp":
        event.transparent = String(prop[3]).toUpperCase() === "TRANSPARENT";
        break;
      case "status":
        event.cancelled = String(prop[3]).toUpperCase() === "CANCELLED";
        break;
    }
  }
  if (!event.uid) event.uid = `#${index + 1}`;
  // The title names a rule's problems, and only those: kept for an event with a rule.
  if (event.rrules.length === 0) event.title = undefined;
  const { start } = event;
  if (!start) {
    throw new IcsError(
      `event ${JSON.stringify(event.uid)} has no DTSTART`,
      lineOfProperty(text, "UID", event.uid),
    );
  }
  return { ...event, start };
}

const compact = (value: unknown) => String(value).replace(/[-:]/g, "");

function time(text: string, prop: JProp, value: unknown, tzid: string | undefined): IcsTime {
  const read = readTime(value, tzid);
  if (read) return read;
  const found = findProperty(text, prop[0], value);
  throw new IcsError(
    `${prop[0].toUpperCase()} ${JSON.stringify(found?.raw ?? compact(value))} is not a date`,
    found?.line,
  );
}

function duration(text: string, prop: JProp, value: unknown): IcsDuration {
  const read = readDuration(value);
  if (read) return read;
  const found = findProperty(text, prop[0], value);
  throw new IcsError(
    `${prop[0].toUpperCase()} ${JSON.stringify(found?.raw ?? String(value))} is not a duration such as PT1H30M`,
    found?.line,
  );
}

function rdate(text: string, prop: JProp, value: unknown, tzid: string | undefined) {
  if (!Array.isArray(value))
    return { time: time(text, prop, value, tzid), end: undefined, duration: undefined };
  const [start, endOrDuration] = value as [unknown, unknown];
  const isDuration = typeof endOrDuration === "string" && /^[+-]?P/.test(endOrDuration);
  return {
    time: time(text, prop, start, tzid),
    end: isDuration ? undefined : time(text, prop, endOrDuration, tzid),
    duration: isDuration ? duration(text, prop, endOrDuration) : undefined,
  };
}

const FREQUENCIES = new Set(["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"]);

function recur(text: string, prop: JProp): RecurData {
  const value = prop[3] as Record<string, unknown> | undefined;
  const freq = typeof value?.freq === "string" ? value.freq.toUpperCase() : "";
  if (value?.rscale !== undefined) {
    throw new IcsError("RSCALE calendars are not supported", lineOfProperty(text, "RRULE", "RSCALE"));
  }
  if (!value || !FREQUENCIES.has(freq)) {
    throw new IcsError("RRULE has no valid FREQ (DAILY, WEEKLY, MONTHLY, …)", lineOfProperty(text, "RRULE"));
  }
  if (value.until !== undefined && !readTime(value.until, undefined)) {
    throw new IcsError(
      `RRULE UNTIL ${JSON.stringify(compact(value.until))} is not a date`,
      lineOfProperty(text, "RRULE", "UNTIL"),
    );
  }
  return { ...value, freq } as RecurData;
}
