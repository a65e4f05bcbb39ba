import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidTimeZone } from "../time";
import { readCalendar } from "./index";
import { ruleStarts, ruleStartsWithIcal } from "./recur";
import type { RecurData } from "./types";
import { WINDOWS_ZONE_NAMES, windowsZoneToIana } from "./windows-zones";

const DAY = 86_400_000;
const CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

describe("ruleStarts: the fast DAILY/WEEKLY stepping agrees with ical.js's RecurIterator", () => {
  const rule = fc.record({
    freq: fc.constantFrom("DAILY", "WEEKLY"),
    interval: fc.integer({ min: 1, max: 4 }),
    byday: fc.option(fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 4 }), {
      nil: undefined,
    }),
    wkst: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
    count: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
  });
  // RFC 5545 leaves a DTSTART off the rule's days undefined (ical.js itself differs between DAILY and
  // WEEKLY there), so DTSTART is moved onto one of the rule's days; expandBusy always keeps DTSTART.
  it("for random rules, DTSTARTs and UNTILs", () => {
    fc.assert(
      fc.property(
        rule,
        fc.integer({ min: 20_000, max: 21_000 }),
        fc.integer({ min: 0, max: 95 }),
        fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
        (r, startDay, quarter, untilDays) => {
          const data = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as RecurData;
          let day = startDay;
          while (r.byday && !r.byday.includes(CODES[(day + 3) % 7] as string)) day++;
          const start = day * DAY + quarter * 900_000;
          const bounds = {
            start,
            until: untilDays === undefined ? undefined : start + untilDays * DAY + 3_600_000,
            from: Number.NEGATIVE_INFINITY,
            to: start + 200 * DAY,
          };
          expect(ruleStarts(data, bounds)).toEqual(ruleStartsWithIcal(data, bounds));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("jumps ahead over periods long before the horizon without changing what it returns there", () => {
    const data: RecurData = { freq: "WEEKLY", byday: ["MO", "TH"], interval: 2 };
    const start = Date.parse("2015-01-05T09:00:00Z");
    const from = Date.parse("2026-01-01T00:00:00Z");
    const to = from + 60 * DAY;
    const all = ruleStartsWithIcal(data, { start, until: undefined, from: Number.NEGATIVE_INFINITY, to });
    const fast = ruleStarts(data, { start, until: undefined, from, to });
    expect(fast.filter((w) => w >= from)).toEqual(all.filter((w) => w >= from));
    expect(fast.length).toBeLessThan(20);
  });

  it("sends MONTHLY, ordinal BYDAY and other parts through ical.js; RDATE periods keep their length", () => {
    const ics = [
      "BEGIN:VCALENDAR",
      "BEGIN:VEVENT",
      "UID:monthly@test",
      "DTSTART:20260302T100000Z",
      "DURATION:PT1H",
      "RRULE:FREQ=MONTHLY;BYDAY=1MO;COUNT=3",
      "RDATE:20260320T100000Z",
      "RDATE;VALUE=PERIOD:20260325T100000Z/PT3H,20260326T100000Z/20260326T101500Z",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    const busy = readCalendar(ics, { ownerZone: "UTC", now: Date.parse("2026-03-01T00:00:00Z") }).busy;
    const hours = (i: { start: number; end: number }) =>
      `${new Date(i.start).toISOString().slice(0, 10)} ${(i.end - i.start) / 3_600_000}h`;
    expect(busy.map(hours)).toEqual([
      "2026-03-02 1h",
      "2026-03-20 1h",
      "2026-03-25 3h",
      "2026-03-26 0.25h",
      "2026-04-06 1h",
      "2026-05-04 1h",
    ]);
  });
});

describe("windowsZoneToIana", () => {
  it("maps every Windows name to a zone this runtime knows", () => {
    expect(WINDOWS_ZONE_NAMES.length).toBeGreaterThan(130);
    for (const name of WINDOWS_ZONE_NAMES)
      expect(isValidTimeZone(windowsZoneToIana(name) ?? ""), name).toBe(true);
  });

  it("maps the names Outlook writes most, in any letter case", () => {
    expect(windowsZoneToIana("W. Europe Standard Time")).toBe("Europe/Berlin");
    expect(windowsZoneToIana("eastern standard time")).toBe("America/New_York");
    expect(windowsZoneToIana("India Standard Time")).toBe("Asia/Calcutta"); // CLDR's name for Asia/Kolkata
    expect(windowsZoneToIana("GMT Standard Time")).toBe("Europe/London");
    expect(windowsZoneToIana("AUS Eastern Standard Time")).toBe("Australia/Sydney");
    expect(windowsZoneToIana("Pacific Standard Time")).toBe("America/Los_Angeles");
    expect(windowsZoneToIana("Central European Standard Time")).toBe("Europe/Warsaw");
    expect(windowsZoneToIana("Tokyo Standard Time")).toBe("Asia/Tokyo");
    expect(windowsZoneToIana("Mars Standard Time")).toBeUndefined();
  });
});
