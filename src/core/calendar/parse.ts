import ICAL from "ical.js";
import { componentsNest, diagnose, lineOfProperty } from "./diagnose";
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
 * Reads an iCalendar text with ical.js's raw parser (`ICAL.parse`, jCal arrays — no object model)
 * and keeps only what free/busy needs: each VEVENT's times, recurrence, transparency and status.
 * A malformed file throws an {@link IcsError} naming the line or the problem.
 */
export function parseIcs(text: string): ParsedCalendar {
  let root: unknown;
  try {
    root = ICAL.parse(text);
  } catch (err) {
    throw diagnose(text, err instanceof Error ? err.message : String(err));
  }
  if (!componentsNest(text)) throw diagnose(text, "components do not nest");
  const calendars = (Array.isArray(root) && Array.isArray(root[0]) ? root : [root]) as JComp[];
  if (calendars.length === 0 || calendars.some((c) => c?.[0] !== "vcalendar")) {
    throw new IcsError("not an iCalendar file: it must begin with BEGIN:VCALENDAR", 1);
  }
  const parsed: ParsedCalendar = { events: [], timezones: new Map() };
  for (const calendar of calendars) {
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

function readEvent(text: string, component: JComp, index: number): IcsEvent {
  const event: Omit<IcsEvent, "start"> & { start: IcsTime | undefined } = {
    uid: "",
    start: undefined,
    end: undefined,
    duration: undefined,
    rrules: [],
    rdates: [],
    exdates: [],
    recurrenceId: undefined,
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
  const raw = compact(value);
  throw new IcsError(
    `${prop[0].toUpperCase()} value ${JSON.stringify(raw)} is not a valid date or date-time (YYYYMMDD or YYYYMMDDTHHMMSS)`,
    lineOfProperty(text, prop[0], raw),
  );
}

function duration(text: string, prop: JProp, value: unknown): IcsDuration {
  const read = readDuration(value);
  if (read) return read;
  throw new IcsError(
    `${prop[0].toUpperCase()} value ${JSON.stringify(value)} is not a duration such as PT1H30M`,
    lineOfProperty(text, prop[0], String(value)),
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
  if (!value || !FREQUENCIES.has(freq)) {
    throw new IcsError("RRULE has no valid FREQ (DAILY, WEEKLY, MONTHLY, …)", lineOfProperty(text, "RRULE"));
  }
  if (value.until !== undefined && !readTime(value.until, undefined)) {
    throw new IcsError(
      `RRULE UNTIL ${JSON.stringify(compact(value.until))} is not a valid date or date-time`,
      lineOfProperty(text, "RRULE", "UNTIL"),
    );
  }
  return { ...value, freq } as RecurData;
}
