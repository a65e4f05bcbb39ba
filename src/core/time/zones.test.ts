import { describe, expect, it } from "vitest";
import { utc } from "../../../test/support/time";
import {
  formatLocal,
  formatOffset,
  instantToLocal,
  isValidTimeZone,
  localToInstant,
  offsetAt,
  transitionsBetween,
} from "./zones";

const H = 3_600_000;
const M = 60_000;
const year2026 = { start: utc(2026, 1, 1), end: utc(2027, 1, 1) };

describe("isValidTimeZone", () => {
  it("accepts what Intl.DateTimeFormat accepts, including Asia/Kolkata and UTC", () => {
    for (const zone of [
      "Asia/Kolkata",
      "UTC",
      "Europe/London",
      "Pacific/Chatham",
      "Etc/GMT+5",
      "Asia/Calcutta",
    ]) {
      expect(isValidTimeZone(zone), zone).toBe(true);
    }
  });

  it("rejects unknown and empty zones", () => {
    for (const zone of ["Mars/Olympus", "", "Europe/Londres", "+05:30", " UTC"]) {
      expect(isValidTimeZone(zone), zone).toBe(false);
    }
  });
});

describe("transitionsBetween (2026)", () => {
  const cases: [string, number, number, number, number][] = [
    ["Europe/London", utc(2026, 3, 29, 1), 0, utc(2026, 10, 25, 1), 1 * H],
    ["America/New_York", utc(2026, 3, 8, 7), -5 * H, utc(2026, 11, 1, 6), -4 * H],
    ["Australia/Sydney", utc(2026, 10, 3, 16), 10 * H, utc(2026, 4, 4, 16), 11 * H],
    ["Pacific/Chatham", utc(2026, 9, 26, 14), 12.75 * H, utc(2026, 4, 4, 14), 13.75 * H],
  ];

  it.each(cases)("%s changes at the exact second", (zone, springAt, standard, autumnAt, summer) => {
    const found = transitionsBetween(zone, year2026.start, year2026.end);
    const expected = [
      { at: springAt, before: standard, after: summer },
      { at: autumnAt, before: summer, after: standard },
    ].sort((a, b) => a.at - b.at);
    expect(found).toEqual(expected);
    for (const t of expected) {
      expect(offsetAt(zone, t.at - 1)).toBe(t.before);
      expect(offsetAt(zone, t.at)).toBe(t.after);
    }
  });

  it("finds none in Asia/Kolkata, which stays at +05:30", () => {
    expect(transitionsBetween("Asia/Kolkata", year2026.start, year2026.end)).toEqual([]);
    expect(offsetAt("Asia/Kolkata", utc(2026, 3, 29, 1))).toBe(5.5 * H);
    expect(offsetAt("Asia/Kolkata", utc(2026, 12, 31, 23, 59))).toBe(5.5 * H);
  });

  it("finds a change reversed a week later (Recife, October 2000)", () => {
    const found = transitionsBetween("America/Recife", utc(2000, 1, 1), utc(2001, 1, 1));
    expect(found).toEqual([
      { at: utc(2000, 2, 27, 2), before: -2 * H, after: -3 * H },
      { at: utc(2000, 10, 8, 3), before: -3 * H, after: -2 * H },
      { at: utc(2000, 10, 15, 2), before: -2 * H, after: -3 * H },
    ]);
  });

  it("spans a year boundary", () => {
    const found = transitionsBetween("Europe/London", utc(2026, 10, 1), utc(2027, 4, 1));
    expect(found.map((t) => t.at)).toEqual([utc(2026, 10, 25, 1), utc(2027, 3, 28, 1)]);
  });
});

describe("localToInstant", () => {
  it("converts ordinary wall times", () => {
    expect(localToInstant("Europe/London", "2026-01-15", 9 * 60)).toBe(utc(2026, 1, 15, 9));
    expect(localToInstant("Europe/London", "2026-07-15", 9 * 60)).toBe(utc(2026, 7, 15, 8));
    expect(localToInstant("Asia/Kolkata", "2026-03-29", 9 * 60)).toBe(utc(2026, 3, 29, 3, 30));
    expect(localToInstant("Pacific/Chatham", "2026-06-01", 9 * 60)).toBe(utc(2026, 5, 31, 20, 15));
    expect(localToInstant("America/New_York", "2026-12-01", 24 * 60)).toBe(utc(2026, 12, 2, 5));
  });

  it("moves a wall time in a spring-forward gap forward by the gap", () => {
    expect(localToInstant("Europe/London", "2026-03-29", 90)).toBe(utc(2026, 3, 29, 1, 30));
    expect(localToInstant("Europe/London", "2026-03-29", 60)).toBe(utc(2026, 3, 29, 1));
    expect(localToInstant("America/New_York", "2026-03-08", 150)).toBe(utc(2026, 3, 8, 7, 30));
    expect(localToInstant("Australia/Sydney", "2026-10-04", 150)).toBe(utc(2026, 10, 3, 16, 30));
    expect(localToInstant("Pacific/Chatham", "2026-09-27", 180)).toBe(utc(2026, 9, 26, 14, 15));
  });

  it("takes the first occurrence of a repeated wall time", () => {
    expect(localToInstant("Europe/London", "2026-10-25", 90)).toBe(utc(2026, 10, 25, 0, 30));
    expect(localToInstant("America/New_York", "2026-11-01", 90)).toBe(utc(2026, 11, 1, 5, 30));
    expect(localToInstant("Australia/Sydney", "2026-04-05", 150)).toBe(utc(2026, 4, 4, 15, 30));
    expect(localToInstant("Pacific/Chatham", "2026-04-05", 180)).toBe(utc(2026, 4, 4, 13, 15));
  });

  it("maps the wall times just outside a repeat to single instants", () => {
    expect(localToInstant("Europe/London", "2026-10-25", 60 - 1)).toBe(utc(2026, 10, 24, 23, 59));
    expect(localToInstant("Europe/London", "2026-10-25", 120)).toBe(utc(2026, 10, 25, 2));
    expect(localToInstant("Pacific/Chatham", "2026-04-05", 225)).toBe(utc(2026, 4, 4, 15));
  });
});

describe("instantToLocal", () => {
  it("gives date, minutes, weekday and offset", () => {
    expect(instantToLocal("Asia/Kolkata", utc(2026, 1, 1, 18, 30))).toEqual({
      date: "2026-01-02",
      minutes: 0,
      weekday: "fri",
      offsetMs: 5.5 * H,
    });
    expect(instantToLocal("Pacific/Chatham", utc(2026, 4, 4, 14))).toEqual({
      date: "2026-04-05",
      minutes: 2 * 60 + 45,
      weekday: "sun",
      offsetMs: 12.75 * H,
    });
  });

  it("shows both occurrences of a repeated hour", () => {
    expect(instantToLocal("Europe/London", utc(2026, 10, 25, 0, 30)).minutes).toBe(90);
    expect(instantToLocal("Europe/London", utc(2026, 10, 25, 1, 30)).minutes).toBe(90);
    expect(instantToLocal("America/New_York", utc(2026, 3, 8, 7) - M).minutes).toBe(119);
    expect(instantToLocal("America/New_York", utc(2026, 3, 8, 7)).minutes).toBe(180);
  });
});

describe("formatting", () => {
  it("formats offsets", () => {
    expect(formatOffset(5.5 * H)).toBe("+05:30");
    expect(formatOffset(-4 * H)).toBe("-04:00");
    expect(formatOffset(12.75 * H)).toBe("+12:45");
    expect(formatOffset(0)).toBe("+00:00");
    expect(formatOffset(-(4 * H + 56 * M + 2000))).toBe("-04:56:02");
  });

  it("formats local date-times as ISO 8601 with offset", () => {
    expect(formatLocal("Pacific/Chatham", utc(2026, 4, 4, 14))).toBe("2026-04-05T02:45:00+12:45");
    expect(formatLocal("Pacific/Chatham", utc(2026, 4, 4, 14) - 1000)).toBe("2026-04-05T03:44:59+13:45");
    expect(formatLocal("Asia/Kolkata", utc(2026, 1, 1))).toBe("2026-01-01T05:30:00+05:30");
    expect(formatLocal("America/New_York", utc(2026, 11, 1, 6))).toBe("2026-11-01T01:00:00-05:00");
  });
});
