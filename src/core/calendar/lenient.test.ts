import { describe, expect, it } from "vitest";
import { busyOf, calendarOf, event, read, span } from "./fixtures/build";
import { windowsZoneToIana } from "./windows-zones";

describe("lenient where real files are sloppy", () => {
  it("maps Windows zone ids and display names to IANA zones", () => {
    expect(windowsZoneToIana("W. Europe Standard Time")).toBe("Europe/Berlin");
    expect(windowsZoneToIana("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna")).toBe(
      "Europe/Amsterdam",
    );
    expect(windowsZoneToIana("(UTC-05:00) Eastern Time (US & Canada)")).toBe("America/New_York");
    expect(windowsZoneToIana("(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi")).toMatch(
      /^Asia\/(Kolkata|Calcutta)$/,
    );
    expect(windowsZoneToIana("(UTC) Coordinated Universal Time")).toBe("Etc/UTC");
    expect(windowsZoneToIana("(UTC-10:00) Hawaii")).toBe("Etc/GMT+10");
    expect(windowsZoneToIana("Mars Standard Time")).toBeUndefined();
  });

  it("reads an Outlook display-name TZID in its zone, across the clock change", () => {
    const tzid = "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna";
    const text = calendarOf(
      ...event(
        "UID:a@test",
        `DTSTART;TZID="${tzid}":20260327T090000`,
        "RRULE:FREQ=DAILY;COUNT=4",
        "DURATION:PT1H",
      ),
    );
    const result = read(text, "America/New_York");
    expect(result.warnings).toEqual([]);
    expect(busyOf(text).map(([start]) => start?.slice(5, 16))).toEqual([
      "03-27T08:00",
      "03-28T08:00",
      "03-29T07:00",
      "03-30T07:00",
    ]);
  });

  it("X-WR-TIMEZONE places floating times (all-day dates stay the owner's days)", () => {
    const text = calendarOf(
      "X-WR-TIMEZONE:America/New_York",
      ...event("UID:a@test", "DTSTART:20260310T090000", "DTEND:20260310T100000"),
    );
    expect(busyOf(text, "Europe/London")).toEqual([span("2026-03-10T13:00Z", "2026-03-10T14:00Z")]);
  });

  it("ignores whitespace before BEGIN:VCALENDAR and text after END:VCALENDAR", () => {
    const text = `\r\n  \r\n\t${calendarOf(...event("UID:a@test", "DTSTART:20260310T090000Z", "DURATION:PT1H"))}\r\n--\r\nSent from my phone\r\n`;
    expect(busyOf(text)).toEqual([span("2026-03-10T09:00Z", "2026-03-10T10:00Z")]);
  });

  it("keeps counting lines from the very top when blank lines come first", () => {
    const text = `\r\n\r\n${calendarOf(...event("UID:a@test", "DTSTART:2026031"))}`;
    expect(() => read(text)).toThrow('Line 8: DTSTART "2026031" is not a date');
  });

  it("reads DTSTART:20190101 without VALUE=DATE as an all-day start", () => {
    const text = calendarOf(...event("UID:a@test", "DTSTART:20260310"));
    expect(busyOf(text, "Asia/Kolkata")).toEqual([span("2026-03-09T18:30Z", "2026-03-10T18:30Z")]);
  });

  it("keeps an event whose DTEND is before its DTSTART as zero-length (no busy time, no error)", () => {
    const text = calendarOf(
      ...event(
        "UID:a@test",
        "DTSTART:20260310T100000Z",
        "DTEND:20260310T090000Z",
        "RRULE:FREQ=DAILY;COUNT=2",
      ),
      ...event("UID:a@test", "RECURRENCE-ID:20260311T100000Z", "DTSTART:20260311T120000Z"),
      ...event("UID:b@test", "DTSTART:20260312T100000Z", "DTEND:20260312T110000Z"),
    );
    const result = read(text);
    expect(result.events).toBe(3);
    expect(busyOf(text)).toEqual([span("2026-03-12T10:00Z", "2026-03-12T11:00Z")]);
  });
});
