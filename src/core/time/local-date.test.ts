import { describe, expect, it } from "vitest";
import { utc } from "../../../test/support/time";
import {
  addDays,
  epochDayToDate,
  formatTimeOfDay,
  parseDate,
  parseTimeOfDay,
  weekdayOfDate,
  weekdayOfEpochDay,
} from "./dates";
import { localDateRangeToInterval, localDayToInstantRange, personDateRangeToInterval } from "./local-date";
import { zoneOnDate } from "./zone-schedule";

const H = 3_600_000;

describe("dates", () => {
  it("parses and formats real dates only", () => {
    expect(parseDate("1970-01-01")).toBe(0);
    expect(parseDate("2026-03-29")).toBe(utc(2026, 3, 29) / (24 * H));
    expect(parseDate("2028-02-29")).not.toBeNull();
    expect(parseDate("2026-02-29")).toBeNull();
    expect(parseDate("2026-13-01")).toBeNull();
    expect(parseDate("2026-3-1")).toBeNull();
    expect(epochDayToDate(parseDate("0099-12-31") ?? 0)).toBe("0099-12-31");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("gives weekdays", () => {
    expect(weekdayOfEpochDay(0)).toBe("thu");
    expect(weekdayOfEpochDay(-1)).toBe("wed");
    expect(weekdayOfDate("2026-03-29")).toBe("sun");
    expect(weekdayOfDate("2026-06-08")).toBe("mon");
  });

  it("parses and formats wall-clock times", () => {
    expect(parseTimeOfDay("09:30")).toBe(570);
    expect(parseTimeOfDay("24:00")).toBeNull();
    expect(parseTimeOfDay("24:00", true)).toBe(1440);
    expect(parseTimeOfDay("23:60")).toBeNull();
    expect(formatTimeOfDay(570)).toBe("09:30");
    expect(formatTimeOfDay(1440)).toBe("24:00");
  });
});

describe("local days as instants", () => {
  it("makes local days 23, 24 and 25 hours long", () => {
    expect(localDayToInstantRange("Europe/London", "2026-03-29")).toEqual({
      start: utc(2026, 3, 29),
      end: utc(2026, 3, 29, 23),
    });
    expect(localDayToInstantRange("Europe/London", "2026-10-25")).toEqual({
      start: utc(2026, 10, 24, 23),
      end: utc(2026, 10, 26),
    });
    expect(localDayToInstantRange("Asia/Kolkata", "2026-03-29")).toEqual({
      start: utc(2026, 3, 28, 18, 30),
      end: utc(2026, 3, 29, 18, 30),
    });
    const chatham = localDayToInstantRange("Pacific/Chatham", "2026-09-27");
    expect(chatham).toEqual({ start: utc(2026, 9, 26, 11, 15), end: utc(2026, 9, 27, 10, 15) });
  });

  it("turns an inclusive date range into one interval", () => {
    expect(localDateRangeToInterval("America/New_York", "2026-03-06", "2026-03-09")).toEqual({
      start: utc(2026, 3, 6, 5),
      end: utc(2026, 3, 10, 4),
    });
    expect(() => localDateRangeToInterval("UTC", "2026-03-09", "2026-03-08")).toThrow(RangeError);
    expect(() => localDateRangeToInterval("UTC", "2026-02-30", "2026-03-08")).toThrow(RangeError);
  });

  it("uses the zone in force on each end for a travelling person", () => {
    const person = {
      timeZone: "Europe/London",
      zoneChanges: [{ from: "2026-06-10", timeZone: "America/New_York" }],
    };
    expect(zoneOnDate(person, "2026-06-09")).toBe("Europe/London");
    expect(zoneOnDate(person, "2026-06-10")).toBe("America/New_York");
    expect(personDateRangeToInterval(person, "2026-06-08", "2026-06-11")).toEqual({
      start: utc(2026, 6, 7, 23),
      end: utc(2026, 6, 12, 4),
    });
  });
});
