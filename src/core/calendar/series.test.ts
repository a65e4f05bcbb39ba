import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { MAX_SERIES_OCCURRENCES } from "../../contracts/meetings";
import { occurrences } from "../meetings";
import {
  calendarFeed,
  occurrenceInvite,
  type SeriesOccurrence,
  type SeriesRule,
  seriesInvite,
} from "./index";

const UID = "5e0c2f57-0d7a-4b43-8f0e-6b3f1b2a9c01@tandem";
const NOW = Date.parse("2027-01-01T00:00:00Z");
const MIN = 60_000;

/** The instants of `occurrences` for the rule: what the meetings service stores. */
const expected = (rule: SeriesRule) =>
  occurrences({ ...rule, start: rule.firstStart, max: MAX_SERIES_OCCURRENCES });

/** Every occurrence as stored, unchanged. */
const stored = (rule: SeriesRule): SeriesOccurrence[] =>
  expected(rule).map((o, i) => ({ index: i + 1, ...o, sequence: 0, summary: "Weekly sync", props: [] }));

/**
 * What another calendar app sees: ical.js expands the master's RRULE with the file's own VTIMEZONE
 * (no zone database), minus EXDATEs, with the overrides of the same UID applied.
 */
function seenByIcalJs(text: string, uid = UID) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents("vtimezone");
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  try {
    const vevents = calendar
      .getAllSubcomponents("vevent")
      .filter((v) => v.getFirstPropertyValue("uid") === uid);
    const master = vevents.find((v) => !v.hasProperty("recurrence-id"));
    if (!master) throw new Error("no master VEVENT");
    const event = new ICAL.Event(master, {
      exceptions: vevents.filter((v) => v.hasProperty("recurrence-id")),
    });
    const seen: { start: number; end: number; summary: string }[] = [];
    const iterator = event.iterator();
    for (let next = iterator.next(); next && seen.length < 200; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      seen.push({
        start: details.startDate.toUnixTime() * 1000,
        end: details.endDate.toUnixTime() * 1000,
        summary: details.item.summary,
      });
    }
    return seen;
  } finally {
    for (const zone of zones) ICAL.TimezoneService.remove(String(zone.getFirstPropertyValue("tzid")));
  }
}

const unfolded = (text: string) => text.replace(/\r\n /g, "");
const at = (iso: string) => Date.parse(iso);

const RULES: [string, SeriesRule][] = [
  [
    "weekly 09:00 London across the March change, COUNT",
    {
      firstStart: at("2027-03-08T09:00:00Z"),
      durationMinutes: 45,
      timeZone: "Europe/London",
      frequency: "weekly",
      count: 10,
    },
  ],
  [
    "weekly 09:00 London until a date in summer time",
    {
      firstStart: at("2027-03-15T09:00:00Z"),
      durationMinutes: 30,
      timeZone: "Europe/London",
      frequency: "weekly",
      until: "2027-04-20",
    },
  ],
  [
    "biweekly 08:30 London across the October change",
    {
      firstStart: at("2027-09-21T07:30:00Z"),
      durationMinutes: 60,
      timeZone: "Europe/London",
      frequency: "biweekly",
      count: 8,
    },
  ],
  [
    "monthly on the 2nd Tuesday, London, through both changes",
    {
      firstStart: at("2027-01-12T14:00:00Z"),
      durationMinutes: 50,
      timeZone: "Europe/London",
      frequency: "monthly",
      count: 12,
    },
  ],
  [
    "monthly on a 5th Tuesday (then the last Tuesday), London, until a date",
    {
      firstStart: at("2026-12-29T10:00:00Z"),
      durationMinutes: 25,
      timeZone: "Europe/London",
      frequency: "monthly",
      until: "2027-12-31",
    },
  ],
  [
    "weekly 18:00 Sydney across April's change",
    {
      firstStart: at("2027-03-22T07:00:00Z"),
      durationMinutes: 45,
      timeZone: "Australia/Sydney",
      frequency: "weekly",
      count: 6,
    },
  ],
];

describe("seriesInvite", () => {
  it.each(RULES)("%s: ical.js expands it to exactly the instants of occurrences", (_, rule) => {
    const text = seriesInvite("REQUEST", { uid: UID, now: NOW, rule, occurrences: stored(rule) });
    const want = expected(rule);
    expect(want.length).toBeGreaterThan(4);
    expect(seenByIcalJs(text)).toEqual(want.map((o) => ({ ...o, summary: "Weekly sync" })));
    expect(unfolded(text).match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
    expect(text).toContain(`DTSTART;TZID=${rule.timeZone}:`);
  });

  it("writes the RRULE as occurrences steps: INTERVAL=2, -1TU for a 5th weekday, UNTIL at the end of the day", () => {
    const rrule = (rule: SeriesRule) =>
      unfolded(seriesInvite("REQUEST", { uid: UID, now: NOW, rule, occurrences: stored(rule) }))
        .split("\r\n")
        .find((line) => line.startsWith("RRULE:"));
    const [weekly, untilSummer, biweekly, second, fifth] = RULES.map(([, rule]) => rrule(rule));
    expect(weekly).toBe("RRULE:FREQ=WEEKLY;COUNT=10");
    // 2027-04-20 ends at 23:59:59 BST, 22:59:59 UTC.
    expect(untilSummer).toBe("RRULE:FREQ=WEEKLY;UNTIL=20270420T225959Z");
    expect(biweekly).toBe("RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=8");
    expect(second).toBe("RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=12");
    expect(fifth).toBe("RRULE:FREQ=MONTHLY;BYDAY=-1TU;UNTIL=20271231T235959Z");
  });

  it("a moved, longer or renamed occurrence is an override; a missing one an EXDATE", () => {
    const [, [, rule]] = RULES as [unknown, [string, SeriesRule]];
    const all = stored(rule);
    const moved = all.map((o) =>
      o.index === 3 ? { ...o, start: o.start + 120 * MIN, end: o.start + 210 * MIN, sequence: 2 } : o,
    );
    const renamed = moved.map((o) => (o.index === 4 ? { ...o, summary: "Sync, with guests" } : o));
    const shown = renamed.filter((o) => o.index !== 5 && o.index !== 1);
    const text = seriesInvite("REQUEST", { uid: UID, now: NOW, rule, occurrences: shown });

    const want = shown.map((o) => ({ start: o.start, end: o.end, summary: o.summary }));
    expect(seenByIcalJs(text)).toEqual(want);
    const lines = unfolded(text).split("\r\n");
    expect(lines.filter((l) => l.startsWith("EXDATE;TZID=Europe/London:"))).toEqual([
      "EXDATE;TZID=Europe/London:20270315T090000",
      "EXDATE;TZID=Europe/London:20270412T090000",
    ]);
    // The 3rd (29 March, the day after the change) is named by its original start, not its new one.
    expect(lines.filter((l) => l.startsWith("RECURRENCE-ID"))).toEqual([
      "RECURRENCE-ID;TZID=Europe/London:20270329T090000",
      "RECURRENCE-ID;TZID=Europe/London:20270405T090000",
    ]);
    expect(lines).toContain("SEQUENCE:2");
  });

  it("one occurrence alone: the series' UID and its RECURRENCE-ID, as REQUEST or CANCEL", () => {
    const [[, rule]] = RULES as [[string, SeriesRule]];
    const [, , third] = stored(rule) as SeriesOccurrence[];
    if (!third) throw new Error("no third");
    const original = third.start;
    const occurrence = { ...third, start: original + 60 * MIN, end: original + 105 * MIN, sequence: 1 };
    for (const method of ["REQUEST", "CANCEL"] as const) {
      const text = occurrenceInvite(method, { uid: UID, now: NOW, rule, original, occurrence });
      const calendar = new ICAL.Component(ICAL.parse(text));
      for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
      const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") ?? undefined);
      expect(calendar.getFirstPropertyValue("method")).toBe(method);
      expect(event.uid).toBe(UID);
      expect(event.sequence).toBe(1);
      expect(event.recurrenceId?.toUnixTime()).toBe(original / 1000);
      expect(event.startDate.toUnixTime()).toBe(occurrence.start / 1000);
      ICAL.TimezoneService.remove("Europe/London");
    }
  });
});

describe("calendarFeed with series", () => {
  it("writes a series in another zone as the same master and overrides, with that zone's VTIMEZONE", () => {
    const [[, rule]] = RULES as [[string, SeriesRule]];
    const shown = stored(rule).filter((o) => o.index !== 2);
    const text = calendarFeed({
      name: "Ana",
      timeZone: "America/New_York",
      focus: {},
      uidPrefix: "p1",
      since: "2027-03-01",
      now: NOW,
      series: [{ uid: UID, rule, occurrences: shown }],
    });
    expect(unfolded(text).match(/^TZID:/gm)).toHaveLength(2);
    expect(seenByIcalJs(text)).toEqual(
      shown.map((o) => ({ start: o.start, end: o.end, summary: "Weekly sync" })),
    );
  });
});
