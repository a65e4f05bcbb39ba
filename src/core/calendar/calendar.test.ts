import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IcsError, readCalendar } from "./index";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const NOW = Date.parse("2026-03-01T00:00:00Z");

/** Busy time of a fixture as ISO pairs, read for an owner in `ownerZone`. */
function busyOf(name: string, ownerZone = "Europe/London", now = NOW) {
  const result = readCalendar(fixture(name), { ownerZone, now });
  return result.busy.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()]);
}

const iso = (text: string) => new Date(text).toISOString();
const span = (start: string, end: string) => [iso(start), iso(end)];

describe("readCalendar: the ICS corpus", () => {
  it("keeps a weekly event at 09:00 London across the clock change (09:00Z, then 08:00Z)", () => {
    expect(busyOf("dst-weekly.ics")).toEqual([
      span("2026-03-16T09:00Z", "2026-03-16T09:30Z"),
      span("2026-03-23T09:00Z", "2026-03-23T09:30Z"),
      span("2026-03-30T08:00Z", "2026-03-30T08:30Z"),
      span("2026-04-06T08:00Z", "2026-04-06T08:30Z"),
    ]);
  });

  it("leaves out an EXDATE instance, and reads UNTIL as a UTC instant", () => {
    expect(busyOf("exdate.ics")).toEqual([
      span("2026-03-02T15:00Z", "2026-03-02T16:00Z"),
      span("2026-03-16T14:00Z", "2026-03-16T15:00Z"),
      span("2026-03-23T14:00Z", "2026-03-23T15:00Z"),
    ]);
  });

  it("moves the instance a RECURRENCE-ID override names", () => {
    expect(busyOf("override-moved.ics")).toEqual([
      span("2026-06-01T08:00Z", "2026-06-01T09:00Z"),
      span("2026-06-09T13:00Z", "2026-06-09T14:00Z"),
      span("2026-06-15T08:00Z", "2026-06-15T09:00Z"),
    ]);
  });

  it("drops the instance a cancelled override names", () => {
    expect(busyOf("override-cancelled.ics")).toEqual([
      span("2026-06-01T12:00Z", "2026-06-01T12:45Z"),
      span("2026-06-03T12:00Z", "2026-06-03T12:45Z"),
    ]);
  });

  it("reads all-day events as whole local days of the owner (end date exclusive)", () => {
    expect(busyOf("all-day.ics", "Asia/Kolkata")).toEqual([span("2026-03-09T18:30Z", "2026-03-11T18:30Z")]);
    expect(busyOf("all-day.ics", "Pacific/Chatham")).toEqual([
      span("2026-03-09T10:15Z", "2026-03-11T10:15Z"),
    ]);
  });

  it("treats TRANSP:TRANSPARENT as free", () => {
    expect(busyOf("transparent.ics")).toEqual([span("2026-03-10T12:00Z", "2026-03-10T13:00Z")]);
  });

  it("ignores a cancelled event and does not count it", () => {
    const result = readCalendar(fixture("cancelled.ics"), { ownerZone: "UTC", now: NOW });
    expect(result.busy).toEqual([]);
    expect(result.events).toBe(0);
  });

  it("reads floating times in the owner's zone", () => {
    expect(busyOf("floating.ics", "America/New_York")).toEqual([
      span("2026-03-10T13:00Z", "2026-03-10T14:00Z"),
    ]);
    expect(busyOf("floating.ics", "Pacific/Chatham")).toEqual([
      span("2026-03-09T19:15Z", "2026-03-09T20:15Z"),
    ]);
  });

  it("maps Outlook's Windows zone names (also quoted) to IANA zones", () => {
    expect(busyOf("outlook-windows-tzid.ics")).toEqual([
      span("2026-03-23T08:00Z", "2026-03-23T09:00Z"),
      span("2026-03-24T09:00Z", "2026-03-24T10:00Z"),
      span("2026-03-24T13:00Z", "2026-03-24T13:30Z"),
      span("2026-03-30T07:00Z", "2026-03-30T08:00Z"),
    ]);
  });

  it("reads a custom VTIMEZONE by its rules, a prefixed TZID by its IANA tail, an unknown one in the owner's zone", () => {
    const result = readCalendar(fixture("custom-vtimezone.ics"), { ownerZone: "Europe/London", now: NOW });
    expect(result.busy.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()])).toEqual([
      span("2026-03-25T08:00Z", "2026-03-25T09:00Z"),
      span("2026-03-25T10:00Z", "2026-03-25T10:30Z"),
      span("2026-03-25T12:00Z", "2026-03-25T13:00Z"),
    ]);
    expect(result.warnings).toEqual(['unknown time zone "Atlantis Standard Time": read in Europe/London']);
  });

  it("keeps only the horizon: 90 days back to 365 days ahead of now", () => {
    const now = Date.parse("2026-09-01T00:00:00Z");
    expect(busyOf("dst-weekly.ics", "Europe/London", now)).toEqual([]);
    const late = readCalendar(fixture("all-day.ics"), { ownerZone: "UTC", now, pastDays: 200 });
    expect(late.busy).toHaveLength(1);
    expect(late.horizon).toEqual({ start: now - 200 * 86_400_000, end: now + 365 * 86_400_000 });
  });
});

describe("readCalendar: malformed files name the problem", () => {
  const problem = (name: string) => {
    try {
      readCalendar(fixture(name), { ownerZone: "UTC", now: NOW });
    } catch (err) {
      expect(err).toBeInstanceOf(IcsError);
      return err as IcsError;
    }
    throw new Error(`${name} was accepted`);
  };

  it("a file cut short: missing END:VCALENDAR", () => {
    expect(problem("missing-end.ics").message).toMatch(/missing END:VCALENDAR.*line 1/);
  });

  it("an impossible date, with its line", () => {
    const err = problem("bad-date.ics");
    expect(err.line).toBe(6);
    expect(err.message).toContain('Line 6: DTSTART "20261345T250000Z" is not a date');
  });

  it("an END that closes the wrong BEGIN", () => {
    expect(problem("mismatched-end.ics").message).toBe("Line 6: END:VTODO closes BEGIN:VEVENT (line 3)");
  });

  it("text that is not a calendar at all", () => {
    expect(problem("not-a-calendar.ics").message).toBe(
      "Line 1: not an iCalendar file: it must begin with BEGIN:VCALENDAR",
    );
  });

  it("an RRULE ical.js cannot read, with its line", () => {
    const text = fixture("dst-weekly.ics").replace("FREQ=WEEKLY", "FREQ=SOMETIMES");
    expect(() => readCalendar(text, { ownerZone: "UTC", now: NOW })).toThrow(
      'Line 8: RRULE FREQ "SOMETIMES" is not a frequency (DAILY, WEEKLY, MONTHLY, …)',
    );
  });

  it("an event without DTSTART, a bad DURATION", () => {
    const noStart = fixture("floating.ics").replace(/DTSTART:[^\r]*\r\n/, "");
    expect(() => readCalendar(noStart, { ownerZone: "UTC", now: NOW })).toThrow(
      'Line 5: event "float@test" has no DTSTART',
    );
    const badDuration = fixture("override-cancelled.ics").replace("DURATION:PT45M", "DURATION:PT45X");
    expect(() => readCalendar(badDuration, { ownerZone: "UTC", now: NOW })).toThrow(/DURATION/);
  });
});

describe("errors never quote an event's text", () => {
  it("names the line but not the content of a broken line or an unreadable SUMMARY", () => {
    const broken =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSecret merger talks with Acme\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    expect(() =>
      readCalendar(broken, { ownerZone: "UTC", now: Date.UTC(2026, 0, 1), pastDays: 1, futureDays: 1 }),
    ).toThrow(/^Line 4: not a content line \(NAME:value\)$/);
    try {
      readCalendar(broken, { ownerZone: "UTC", now: Date.UTC(2026, 0, 1), pastDays: 1, futureDays: 1 });
    } catch (err) {
      expect((err as Error).message).not.toContain("merger");
    }
  });
});
