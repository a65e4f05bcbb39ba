import { describe, expect, it } from "vitest";
import { utc } from "../../../test/support/time";
import { type Interval, type WeekPattern, workingIntervals } from "../time";
import { findSlots } from "./find-slots";
import type { Attendee, Slot } from "./types";

const span = (start: number, end: number): Interval => ({ start, end });
const MONDAY = span(utc(2026, 3, 16), utc(2026, 3, 17));
const WEEK = span(utc(2026, 3, 16), utc(2026, 3, 23));
const hours = (start: string, end: string): WeekPattern => {
  const day = [{ start, end }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day };
};
function person(
  personId: string,
  timeZone: string,
  options: Partial<Attendee> & { week?: WeekPattern } = {},
) {
  const { week = hours("09:00", "17:30"), ...rest } = options;
  const working = workingIntervals({ timeZone, week }, span(utc(2026, 3, 1), utc(2026, 5, 1)));
  return { personId, timeZone, required: true, working, busy: [], ...rest } satisfies Attendee;
}
const hhmm = (instant: number) => new Date(instant).toISOString().slice(11, 16);

describe("findSlots: a graded score", () => {
  it("ranks by degrees instead of tying: the middle of the day beats its edges", () => {
    const ann = person("ann", "Europe/London");
    const slots = findSlots({
      attendees: [ann],
      durationMinutes: 30,
      window: MONDAY,
      limit: 100,
      spreadMinutes: 0,
    });
    const scoreAt = (h: number, m: number) => slots.find((s) => s.start === utc(2026, 3, 16, h, m))?.score;
    // 09:15 and 17:00 would also leave a 15-minute gap nobody can use (2 × 2).
    expect([scoreAt(9, 0), scoreAt(9, 30), scoreAt(9, 45), scoreAt(10, 0)]).toEqual([98, 99, 99.5, 100]);
    expect([scoreAt(16, 0), scoreAt(16, 30), scoreAt(17, 0)]).toEqual([100, 99, 98]);
  });

  it("grades time outside working hours by how far outside it is", () => {
    const ann = person("ann", "Europe/London");
    const slots = findSlots({
      attendees: [ann],
      durationMinutes: 30,
      window: MONDAY,
      limit: 200,
      spreadMinutes: 0,
      allowOutsideWorkingHours: true,
    });
    const scoreAt = (h: number) => slots.find((s) => s.start === utc(2026, 3, 16, h))?.score ?? 0;
    expect(scoreAt(8)).toBeGreaterThan(scoreAt(7));
    expect(scoreAt(7)).toBeGreaterThan(scoreAt(5));
  });

  it("weighs no-meeting days and a full day against the daily meeting budget", () => {
    const ann = person("ann", "Europe/London", { busy: [span(utc(2026, 3, 16, 9), utc(2026, 3, 16, 12))] });
    const query = { attendees: [ann], durationMinutes: 60, window: WEEK, limit: 1 };
    expect(hhmm(findSlots(query)[0]?.start ?? 0)).toBe("12:00"); // Monday, after the meetings
    const budgeted = findSlots({ ...query, dailyMeetingHours: 4 })[0] as Slot;
    expect(new Date(budgeted.start).toISOString().slice(0, 10)).toBe("2026-03-17"); // an emptier Tuesday
    const quietTuesday = findSlots({ ...query, dailyMeetingHours: 4, noMeetingDays: ["tue"] })[0] as Slot;
    expect(new Date(quietTuesday.start).toISOString().slice(0, 10)).toBe("2026-03-18");
  });
});

describe("findSlots: spread suggestions", () => {
  it("keeps suggestions at least an hour apart unless asked otherwise", () => {
    const ann = person("ann", "Europe/London");
    const spread = findSlots({ attendees: [ann], durationMinutes: 30, window: WEEK, limit: 10 });
    expect(spread).toHaveLength(10);
    for (const a of spread)
      for (const b of spread)
        if (a !== b) expect(Math.abs(a.start - b.start)).toBeGreaterThanOrEqual(3_600_000);
    const together = findSlots({
      attendees: [ann],
      durationMinutes: 30,
      window: MONDAY,
      limit: 3,
      spreadMinutes: 0,
    });
    expect(together.map((s) => hhmm(s.start))).toEqual(["10:00", "10:15", "10:30"]);
    const wide = findSlots({
      attendees: [ann],
      durationMinutes: 30,
      window: MONDAY,
      limit: 10,
      spreadMinutes: 180,
    });
    expect(wide.map((s) => hhmm(s.start)).sort()).toEqual(["10:00", "13:00", "16:00"]);
  });
});

describe("findSlots: blockers", () => {
  it("names who pays for a slot and why, with their local time", () => {
    const aiko = person("aiko", "Asia/Tokyo", { week: hours("09:00", "18:00") });
    const ben = person("ben", "Europe/London", {
      required: false,
      busy: [span(utc(2026, 3, 16, 22), utc(2026, 3, 16, 23))],
      focus: [span(utc(2026, 3, 16, 22), utc(2026, 3, 16, 23))],
    });
    const lena = person("lena", "Europe/London", {
      required: false,
      busy: [span(utc(2026, 3, 16, 0), utc(2026, 3, 17, 0))],
      absent: [span(utc(2026, 3, 16, 0), utc(2026, 3, 17, 0))],
    });
    const window = span(utc(2026, 3, 16, 22), utc(2026, 3, 16, 22, 30));
    const [slot] = findSlots({
      attendees: [aiko, ben, lena],
      durationMinutes: 30,
      window,
      limit: 1,
      allowOutsideWorkingHours: true,
      noMeetingDays: ["tue"],
    });
    // 22:00 UTC is 07:00 Tuesday in Tokyo.
    expect(slot?.blockers).toEqual([
      { personId: "aiko", reason: "before_hours", localTime: "07:00" },
      { personId: "aiko", reason: "no_meeting_day", localTime: "07:00" },
      { personId: "ben", reason: "after_hours", localTime: "22:00" },
      { personId: "ben", reason: "busy", localTime: "22:00" },
      { personId: "ben", reason: "focus", localTime: "22:00" },
      { personId: "lena", reason: "absent", localTime: "22:00" },
    ]);
  });

  it("says a day off when the person does not work that day at all", () => {
    const sam = person("sam", "Europe/London");
    const saturday = span(utc(2026, 3, 21, 10), utc(2026, 3, 21, 11));
    const [slot] = findSlots({
      attendees: [sam],
      durationMinutes: 30,
      window: saturday,
      limit: 1,
      allowOutsideWorkingHours: true,
    });
    expect(slot?.blockers).toEqual([{ personId: "sam", reason: "day_off", localTime: "10:00" }]);
  });

  it("has none for a slot nobody pays for", () => {
    const ann = person("ann", "Europe/London");
    const [slot] = findSlots({ attendees: [ann], durationMinutes: 30, window: MONDAY, limit: 1 });
    expect(slot?.blockers).toEqual([]);
  });
});
