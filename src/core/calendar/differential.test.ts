import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { type Interval, mergeIntervals } from "../time";
import { expandBusy } from "./expand";
import { parseIcs, parseIcsBytes, parseWithIcal } from "./parse";
import { readQuickly } from "./reader";
import { allEvents } from "./simple-events";

/**
 * Differential tests over generated calendars: Tandem's reader against ical.js's raw parser (the
 * same records), and the busy time Tandem reads against ical.js's object model (the oracle). The
 * calendars hold what real exports hold: VTIMEZONEs, times near the clock changes, all-day and
 * floating times, DAILY/WEEKLY/MONTHLY rules with COUNT, UNTIL or neither (series from 2019),
 * EXDATEs, RDATEs, moved and cancelled instances, folded lines and names in odd letter cases.
 */

const DAY = 86_400_000;
const NOW = Date.parse("2026-03-01T00:00:00Z");
const HORIZON = { start: NOW - 90 * DAY, end: NOW + 365 * DAY };
const OWNER = "UTC";
const CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

const VTIMEZONES = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/London",
  "BEGIN:STANDARD",
  "DTSTART:19701025T020000",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "BEGIN:DAYLIGHT",
  "DTSTART:19700329T010000",
  "TZOFFSETFROM:+0000",
  "TZOFFSETTO:+0100",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "END:VTIMEZONE",
  "BEGIN:VTIMEZONE",
  "TZID:America/New_York",
  "BEGIN:STANDARD",
  "DTSTART:19701101T020000",
  "TZOFFSETFROM:-0400",
  "TZOFFSETTO:-0500",
  "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
  "END:STANDARD",
  "BEGIN:DAYLIGHT",
  "DTSTART:19700308T020000",
  "TZOFFSETFROM:-0500",
  "TZOFFSETTO:-0400",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
  "END:DAYLIGHT",
  "END:VTIMEZONE",
  "BEGIN:VTIMEZONE",
  "TZID:India Standard Time",
  "BEGIN:STANDARD",
  "DTSTART:16010101T000000",
  "TZOFFSETFROM:+0530",
  "TZOFFSETTO:+0530",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/** Days (epoch days) to place events on: around each clock change of 2026, and anywhere near now. */
const CHANGES = ["2026-03-08", "2026-03-29", "2026-10-25", "2026-11-01"].map((d) => Date.parse(d) / DAY);
const day = fc.oneof(
  fc.tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -8, max: 8 })).map(([d, k]) => d + k),
  fc.integer({ min: Date.parse("2025-06-01") / DAY, max: Date.parse("2027-02-01") / DAY }),
  fc.integer({ min: Date.parse("2019-01-01") / DAY, max: Date.parse("2020-12-31") / DAY }),
);
/**
 * Local times (quarter hours) from 03:00 to 22:00, and timed events of at most two hours, so none
 * touches 01:00–02:59, where the clock changes of London and New York skip or repeat an hour: there
 * ical.js reads a skipped time with the offset after the change where RFC 5545 §3.3.5 (and Tandem)
 * take the one before, and it keeps DTEND − DTSTART as wall-clock time where RFC 5545 §3.8.5.3 (and
 * Tandem) keep it as exact time. Series do cross the changes, at other hours.
 */
const quarter = fc.integer({ min: 12, max: 88 });
const zone = fc.constantFrom("Europe/London", "America/New_York", "India Standard Time", "utc", "floating");

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
function stamp(wall: number): string {
  const d = new Date(wall);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}
const dateStamp = (wall: number) => stamp(wall).slice(0, 8);

/** A time property: `NAME;TZID=…:local`, `NAME:…Z`, `NAME:local` (floating) or `NAME;VALUE=DATE:…`. */
function timeLine(name: string, wall: number, where: string, allDay: boolean): string {
  if (allDay) return `${name};VALUE=DATE:${dateStamp(wall)}`;
  if (where === "utc") return `${name}:${stamp(wall)}Z`;
  if (where === "floating") return `${name}:${stamp(wall)}`;
  return `${name};TZID=${where}:${stamp(wall)}`;
}

const rule = fc.record({
  freq: fc.constantFrom("DAILY", "WEEKLY", "WEEKLY", "MONTHLY"),
  interval: fc.integer({ min: 1, max: 3 }),
  byday: fc.option(fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 3 }), {
    nil: undefined,
  }),
  end: fc.oneof(
    fc.record({ count: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ untilDays: fc.integer({ min: 1, max: 400 }) }),
    fc.constant({}),
  ),
});

const anySeries = fc.record({
  day,
  quarter,
  zone,
  allDay: fc.boolean(),
  minutes: fc.constantFrom(15, 30, 60, 90, 120),
  days: fc.integer({ min: 1, max: 3 }),
  useDuration: fc.boolean(),
  rule: fc.option(rule, { nil: undefined }),
  exdates: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 2 }),
  rdates: fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 2 }),
  overrides: fc.uniqueArray(
    fc.record({
      nth: fc.integer({ min: 13, max: 20 }),
      shift: fc.integer({ min: -8, max: 8 }),
      cancel: fc.boolean(),
    }),
    { maxLength: 2, selector: (o) => o.nth },
  ),
  transparent: fc.boolean(),
  cancelled: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  title: fc.string({ maxLength: 90 }),
});
/**
 * RFC 5545 leaves a DTSTART off the rule's days undefined (ical.js drops it, Tandem keeps it, as
 * recur.test.ts notes): DTSTART is moved onto one of the rule's days.
 */
const series = anySeries.map((s) => {
  let { day } = s;
  while (s.rule?.byday && !s.rule.byday.includes(CODES[(day + 3) % 7] as string)) day++;
  return { ...s, day };
});
type Series = typeof series extends fc.Arbitrary<infer T> ? T : never;

/** The wall-clock starts of the first instances of a rule, to aim EXDATEs and overrides at. */
function instanceWall(s: Series, nth: number): number | undefined {
  const start = s.day * DAY + (s.allDay ? 0 : s.quarter * 900_000);
  if (!s.rule || s.rule.byday || s.rule.freq === "MONTHLY") return undefined;
  const step = (s.rule.freq === "DAILY" ? 1 : 7) * s.rule.interval * DAY;
  const count = "count" in s.rule.end ? s.rule.end.count : Number.POSITIVE_INFINITY;
  return nth < count ? start + nth * step : undefined;
}

/** The lines of one series (one UID each: of two masters of a UID only the later counts). */
function seriesLines(s: Series, index: number): string[] {
  const start = s.day * DAY + (s.allDay ? 0 : s.quarter * 900_000);
  const where = s.allDay ? "floating" : s.zone;
  const uid = `UID:s${index}@test`;
  const length = s.allDay ? s.days * DAY : s.minutes * 60_000;
  const lines = ["BEGIN:VEVENT", uid, `SUMMARY:${s.title.replace(/[\r\n\\;,]/g, " ")}`];
  lines.push(timeLine("DTSTART", start, where, s.allDay));
  if (s.useDuration) lines.push(s.allDay ? `DURATION:P${length / DAY}D` : `DURATION:PT${s.minutes}M`);
  else lines.push(timeLine("DTEND", start + length, where, s.allDay));
  if (s.rule) {
    const parts = [`FREQ=${s.rule.freq}`, `INTERVAL=${s.rule.interval}`];
    if (s.rule.byday) parts.push(`BYDAY=${s.rule.byday.join(",")}`);
    if ("count" in s.rule.end) parts.push(`COUNT=${s.rule.end.count}`);
    if ("untilDays" in s.rule.end) {
      const until = start + s.rule.end.untilDays * DAY;
      parts.push(`UNTIL=${s.allDay ? dateStamp(until) : `${stamp(until)}Z`}`);
    }
    lines.push(`RRULE:${parts.join(";")}`);
    const exdates = s.exdates.map((n) => instanceWall(s, n)).filter((w) => w !== undefined);
    if (exdates.length > 0) {
      lines.push(
        s.allDay
          ? `EXDATE;VALUE=DATE:${exdates.map(dateStamp).join(",")}`
          : timeLine("EXDATE", exdates[0] as number, where, false) +
              exdates
                .slice(1)
                .map((w) => `,${stamp(w)}${where === "utc" ? "Z" : ""}`)
                .join(""),
      );
    }
  }
  // With no RRULE ical.js leaves DTSTART out of an RDATE series (RFC 5545 counts it): not compared.
  if (s.rdates.length > 0 && !s.allDay && s.rule) {
    const walls = s.rdates.map((n) => start + n * DAY + 3_600_000);
    lines.push(
      timeLine("RDATE", walls[0] as number, where, false) +
        walls
          .slice(1)
          .map((w) => `,${stamp(w)}${where === "utc" ? "Z" : ""}`)
          .join(""),
    );
  }
  if (s.transparent) lines.push("TRANSP:TRANSPARENT");
  if (s.cancelled) lines.push("STATUS:CANCELLED");
  lines.push("END:VEVENT");
  for (const o of s.overrides) {
    const wall = instanceWall(s, o.nth);
    if (wall === undefined || s.allDay) continue;
    const moved = wall + o.shift * 1_800_000;
    lines.push(
      "BEGIN:VEVENT",
      uid,
      timeLine("RECURRENCE-ID", wall, where, false),
      timeLine("DTSTART", moved, where, false),
      timeLine("DTEND", moved + length, where, false),
      ...(o.cancel ? ["STATUS:CANCELLED"] : []),
      "SUMMARY:Moved",
      "END:VEVENT",
    );
  }
  return lines;
}

/** Odd letter cases of property and parameter names (`dtStart;tzid=`), as some writers produce. */
function oddCase(line: string, seed: number): string {
  const at = line.search(/[:;]/);
  if (at < 0 || seed % 3 === 0) return line;
  const head = line.slice(0, at);
  const odd =
    seed % 3 === 1 ? head.toLowerCase() : head.replace(/[A-Z]/g, (c, i) => (i % 2 ? c.toLowerCase() : c));
  return odd + line.slice(at).replace(/;(TZID|VALUE)=/g, (m) => (seed % 2 ? m.toLowerCase() : m));
}

/** Folds a line at `width` characters as RFC 5545 writers do (continuations begin with a space or a tab). */
function fold(line: string, width: number, tab: boolean): string {
  if (line.length <= width) return line;
  const parts: string[] = [];
  for (let at = 0; at < line.length; at += width) parts.push(line.slice(at, at + width));
  return parts.join(tab ? "\r\n\t" : "\r\n ");
}

const calendar = fc.record({
  events: fc.array(series, { minLength: 1, maxLength: 6 }),
  casing: fc.integer({ min: 0, max: 1000 }),
  width: fc.integer({ min: 8, max: 75 }),
  tab: fc.boolean(),
  newline: fc.constantFrom("\r\n", "\n"),
});

function calendarText(c: typeof calendar extends fc.Arbitrary<infer T> ? T : never): string {
  const body = c.events.flatMap(seriesLines).map((line, i) => {
    const cased = /^(BEGIN|END):/.test(line) ? line : oddCase(line, c.casing + i);
    return /^(BEGIN|END):/.test(cased) ? cased : fold(cased, c.width, c.tab);
  });
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Tandem differential//EN",
    ...VTIMEZONES,
    ...body,
  ];
  return [...lines, "END:VCALENDAR", ""].join(c.newline).replace(/\r\n/g, c.newline);
}

/** Busy time by ical.js's object model: ICAL.Event with its exceptions, iterator, toUnixTime. */
function oracleBusy(text: string): { busy: Interval[]; instances: number } {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const vevents = root.getAllSubcomponents("vevent");
  const overrides = new Map<string, InstanceType<typeof ICAL.Component>[]>();
  for (const v of vevents) {
    if (!v.hasProperty("recurrence-id")) continue;
    const uid = String(v.getFirstPropertyValue("uid"));
    overrides.set(uid, [...(overrides.get(uid) ?? []), v]);
  }
  const out: Interval[] = [];
  const add = (from: InstanceType<typeof ICAL.Time>, to: InstanceType<typeof ICAL.Time>) => {
    const start = Math.max(from.toUnixTime() * 1000, HORIZON.start);
    const end = Math.min(to.toUnixTime() * 1000, HORIZON.end);
    if (end > start) out.push({ start, end });
  };
  const free = (c: InstanceType<typeof ICAL.Component>) =>
    String(c.getFirstPropertyValue("status")).toUpperCase() === "CANCELLED" ||
    String(c.getFirstPropertyValue("transp")).toUpperCase() === "TRANSPARENT";
  for (const v of vevents) {
    if (v.hasProperty("recurrence-id")) continue;
    if (String(v.getFirstPropertyValue("status")).toUpperCase() === "CANCELLED") continue;
    const event = new ICAL.Event(v, {
      exceptions: overrides.get(String(v.getFirstPropertyValue("uid"))) ?? [],
    });
    if (!event.isRecurring()) {
      if (!free(v)) add(event.startDate, event.endDate);
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      if (details.startDate.toUnixTime() * 1000 >= HORIZON.end) break;
      if (!free(details.item.component)) add(details.startDate, details.endDate);
    }
  }
  for (const zone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.remove(String(zone.getFirstPropertyValue("tzid")));
  }
  return { busy: mergeIntervals(out), instances: out.length };
}

const ours = (text: string) =>
  expandBusy(parseIcs(text), { ownerZone: OWNER, now: NOW, pastDays: 90, futureDays: 365 });

const json = (value: unknown) => JSON.parse(JSON.stringify(value, (_, v) => (v instanceof Map ? [...v] : v)));
const records = (text: string, read: typeof parseIcs) => {
  const parsed = read(text);
  return json({ events: allEvents(parsed), timezones: parsed.timezones, defaultZone: parsed.defaultZone });
};

describe("differential: generated calendars (fixed seed, 500 each)", () => {
  it("Tandem's reader gives the records ical.js's raw parser gives", () => {
    fc.assert(
      fc.property(calendar, (c) => {
        const text = calendarText(c);
        const quick = readQuickly(text);
        expect(quick, "the reader declined a well-formed calendar").toBeDefined();
        const { timezones, defaultZone } = quick as NonNullable<typeof quick>;
        const events = allEvents(quick as NonNullable<typeof quick>);
        const expected = records(text, parseWithIcal);
        expect(json({ events, timezones, defaultZone })).toEqual(expected);
        // Read from the file's bytes a few lines at a time, each chunk decoded alone: the same records.
        expect(records(text, (t) => parseIcsBytes(new TextEncoder().encode(t), 64))).toEqual(expected);
      }),
      { seed: 18, numRuns: 500 },
    );
  }, 60_000);

  it("a mangled calendar gives the same records, or the same error with its line, as ical.js's reading", () => {
    const marks = [
      " ",
      "\r\n ",
      "\r\n\t",
      "\r\n",
      ";",
      ":",
      '"',
      "^",
      "\\",
      ",",
      "=",
      "X",
      "-",
      "/",
      "T",
      "Z",
    ];
    const outcome = (text: string, read: typeof parseIcs) => {
      try {
        return records(text, read);
      } catch (err) {
        return { error: (err as Error).message };
      }
    };
    fc.assert(
      fc.property(
        calendar,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...marks), fc.boolean()), { minLength: 1, maxLength: 4 }),
        (c, edits) => {
          let text = calendarText(c);
          for (const [at, mark, replace] of edits) {
            const i = at % text.length;
            text = text.slice(0, i) + mark + text.slice(replace ? i + 1 : i);
          }
          const expected = outcome(text, parseWithIcal);
          expect(outcome(text, parseIcs)).toEqual(expected);
          expect(outcome(text, (t) => parseIcsBytes(new TextEncoder().encode(t), 48))).toEqual(expected);
        },
      ),
      { seed: 18, numRuns: 500 },
    );
  }, 120_000);

  it("reads names and zones met before as ical.js does, near the shapes the shortcuts must not take", () => {
    const event = (uid: string, ...lines: string[]) => ["BEGIN:VEVENT", `UID:${uid}`, ...lines, "END:VEVENT"];
    const file = (...events: string[][]) =>
      ["BEGIN:VCALENDAR", "VERSION:2.0", ...events.flat(), "END:VCALENDAR", ""].join("\r\n");
    const cases = [
      // A quoted zone holding ":" met first, then its unquoted look-alike (which ends at the ":").
      file(
        event("a", 'DTSTART;TZID="Foo:Bar":20260302T090000', "DURATION:PT1H"),
        event("b", "DTSTART;TZID=Foo:Bar:20260302T090000", "DURATION:PT1H"),
      ),
      // A zone met, then a longer name it begins, then the zone followed by another parameter.
      file(
        event(
          "c",
          "DTSTART;TZID=America/New_York:20260302T090000",
          "DTEND;TZID=America/New_York:20260302T100000",
        ),
        event("d", "DTSTART;TZID=America/New_York_X:20260302T090000", "DURATION:PT1H"),
        event("e", "DTSTART;TZID=America/New_York;VALUE=DATE-TIME:20260302T090000", "DURATION:PT1H"),
      ),
      // Names in other letter cases, a name that only begins with a kept one, a value with "^".
      file(
        event("f", "dtStart;tzid=Europe/London:20260302T090000", "DtEnd;TZID=Europe/London:20260302T100000"),
        event("g", "DTSTART:20260302T090000Z", "DTSTARTX:20260302T110000Z", "DTEND:20260302T100000Z"),
        event("h", "DTSTART;TZID=Europe/London^x:20260302T090000", "DURATION:PT1H"),
      ),
    ];
    const outcome = (text: string, read: typeof parseIcs) => {
      try {
        return records(text, read);
      } catch (err) {
        return { error: (err as Error).message };
      }
    };
    for (const text of cases) {
      const expected = outcome(text, parseWithIcal);
      expect(outcome(text, parseIcs)).toEqual(expected);
      expect(outcome(text, (t) => parseIcsBytes(new TextEncoder().encode(t), 64))).toEqual(expected);
    }
  });

  it("the busy time read is the busy time of ical.js's object model", () => {
    fc.assert(
      fc.property(calendar, (c) => {
        const text = calendarText(c);
        const expected = oracleBusy(text);
        const actual = ours(text);
        expect(actual.busy).toEqual(expected.busy);
        expect(actual.instances).toBe(expected.instances);
      }),
      { seed: 18, numRuns: 500 },
    );
  }, 240_000);
});
