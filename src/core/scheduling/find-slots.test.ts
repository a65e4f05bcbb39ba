import { describe, expect, it } from "vitest";
import { utc } from "../../../test/support/time";
import { type Interval, type WeekPattern, workingIntervals } from "../time";
import { findSlots } from "./find-slots";
import type { Attendee, Slot } from "./types";

const span = (start: number, end: number): Interval => ({ start, end });
const MONDAY = span(utc(2026, 3, 16), utc(2026, 3, 17));
const hours = (start: string, end: string): WeekPattern => {
  const day = [{ start, end }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day };
};

function person(
  personId: string,
  timeZone: string,
  options: Partial<Omit<Attendee, "personId" | "timeZone">> & { week?: WeekPattern } = {},
): Attendee {
  const { week = hours("09:00", "17:30"), ...rest } = options;
  const working = workingIntervals({ timeZone, week }, span(utc(2026, 3, 1), utc(2026, 5, 1)));
  return { personId, timeZone, required: true, working, busy: [], ...rest };
}
const hhmm = (instant: number) => new Date(instant).toISOString().slice(11, 16);
const starts = (slots: Slot[]) => slots.map((s) => hhmm(s.start));

describe("findSlots: hard constraints", () => {
  it("offers only times when every required attendee works and is free", () => {
    const ann = person("ann", "Europe/London", { busy: [span(utc(2026, 3, 16, 10), utc(2026, 3, 16, 11))] });
    const slots = findSlots({
      attendees: [ann],
      durationMinutes: 60,
      window: MONDAY,
      limit: 100,
      spreadMinutes: 0,
    });
    expect(slots).toHaveLength(24);
    const afterMeeting = Array.from({ length: 23 }, (_, i) => hhmm(utc(2026, 3, 16, 11, 15 * i)));
    expect(starts(slots).sort()).toEqual(["09:00", ...afterMeeting]);
    expect(slots.every((s) => s.end - s.start === 3_600_000)).toBe(true);
  });

  it("keeps the buffer clear on both sides of busy time", () => {
    const ann = person("ann", "Europe/London", { busy: [span(utc(2026, 3, 16, 10), utc(2026, 3, 16, 11))] });
    const slots = findSlots({
      attendees: [ann],
      durationMinutes: 60,
      window: MONDAY,
      bufferMinutes: 15,
      limit: 100,
      spreadMinutes: 0,
    });
    expect(Math.min(...slots.map((s) => s.start))).toBe(utc(2026, 3, 16, 11, 15));
    expect(slots).toHaveLength(22);
  });

  it("returns nothing when required attendees share no working time, unless hours are soft", () => {
    const london = person("london", "Europe/London", { week: hours("09:00", "17:00") });
    const sydney = person("sydney", "Australia/Sydney", { week: hours("09:00", "17:00") });
    const query = { attendees: [london, sydney], durationMinutes: 30, window: MONDAY };
    expect(findSlots(query)).toEqual([]);
    const soft = findSlots({ ...query, allowOutsideWorkingHours: true, limit: 5 });
    expect(soft).toHaveLength(5);
    for (const slot of soft) {
      expect(slot.attendees.some((a) => !a.inWorkingHours)).toBe(true);
      expect(slot.attendees.every((a) => a.free)).toBe(true);
    }
  });

  it("treats a soft required attendee's busy time as hard", () => {
    const ann = person("ann", "Europe/London", { busy: [span(utc(2026, 3, 16, 0), utc(2026, 3, 16, 23))] });
    const slots = findSlots({
      attendees: [ann],
      durationMinutes: 60,
      window: MONDAY,
      allowOutsideWorkingHours: true,
    });
    expect(starts(slots)).toEqual(["23:00"]);
    expect(slots[0]?.attendees[0]).toMatchObject({ free: true, inWorkingHours: false });
  });

  it("aligns candidate starts to the granularity in UTC from the rounded-up window start", () => {
    const ann = person("ann", "Europe/London");
    const window = span(utc(2026, 3, 16, 9, 7), utc(2026, 3, 16, 12));
    const quarterHours = findSlots({
      attendees: [ann],
      durationMinutes: 30,
      window,
      limit: 100,
      spreadMinutes: 0,
    });
    expect(Math.min(...quarterHours.map((s) => s.start))).toBe(utc(2026, 3, 16, 9, 15));
    const all = findSlots({
      attendees: [ann],
      durationMinutes: 30,
      window,
      granularityMinutes: 20,
      limit: 50,
      spreadMinutes: 0,
    });
    expect(all.every((s) => s.start % (20 * 60_000) === 0 && s.end <= window.end)).toBe(true);
    expect(Math.min(...all.map((s) => s.start))).toBe(utc(2026, 3, 16, 9, 20));
  });
});

describe("findSlots: ranking", () => {
  it("prefers slots where optional attendees are free", () => {
    const ann = person("ann", "Europe/London");
    const bob = person("bob", "Europe/London", {
      required: false,
      busy: [span(utc(2026, 3, 16, 9), utc(2026, 3, 16, 12))],
    });
    const slots = findSlots({
      attendees: [ann, bob],
      durationMinutes: 30,
      window: MONDAY,
      limit: 40,
      spreadMinutes: 0,
    });
    expect(starts(slots).slice(0, 3)).toEqual(["12:00", "12:15", "12:30"]);
    expect(slots[0]?.score).toBe(100);
    const nine = slots.find((s) => s.start === utc(2026, 3, 16, 9));
    // 10 for busy Bob, and 2 each for a slot right at the start of their working day.
    expect(nine?.score).toBe(86);
    expect(nine?.attendees[1]).toMatchObject({ personId: "bob", free: false, inWorkingHours: true });
  });

  it("penalises tiny leftover gaps in a required attendee's free time", () => {
    const ann = person("ann", "Europe/London", { busy: [span(utc(2026, 3, 16, 10), utc(2026, 3, 16, 11))] });
    const slots = findSlots({
      attendees: [ann],
      durationMinutes: 30,
      window: MONDAY,
      limit: 100,
      spreadMinutes: 0,
    });
    const scoreAt = (h: number, m: number) => slots.find((s) => s.start === utc(2026, 3, 16, h, m))?.score;
    // Two 15-minute leftovers cost 2 × 2; closeness to the start of her day (09:00) costs up to 2 more.
    expect(scoreAt(9, 0)).toBe(98);
    expect(scoreAt(9, 15)).toBe(94.5);
    expect(scoreAt(9, 30)).toBe(99);
    expect(scoreAt(11, 15)).toBe(98);
  });

  it("steers clear of focus blocks, in proportion to the overlap", () => {
    const ann = person("ann", "Europe/London", { focus: [span(utc(2026, 3, 16, 9), utc(2026, 3, 16, 12))] });
    const slots = findSlots({
      attendees: [ann],
      durationMinutes: 30,
      window: MONDAY,
      limit: 100,
      spreadMinutes: 0,
    });
    expect(starts(slots)[0]).toBe("12:00");
    expect(slots.find((s) => s.start === utc(2026, 3, 16, 11, 45))?.score).toBe(98.5);
    // 3 for the focus overlap and 2 for the very start of the working day.
    expect(slots.find((s) => s.start === utc(2026, 3, 16, 9))?.score).toBe(95);
  });

  it("gives the inconvenience to whoever carries less burden", () => {
    const wide = hours("06:00", "22:00");
    const london = person("london", "Europe/London", { week: wide });
    const sydney = person("sydney", "Australia/Sydney", { week: wide });
    const best = (attendees: Attendee[]) =>
      findSlots({ attendees, durationMinutes: 30, window: MONDAY, limit: 1 });
    // Fresh: late for Sydney (4) beats early and at the edge of London's day (06:30: 4 + 1).
    const fresh = best([london, sydney]);
    expect(starts(fresh)).toEqual(["09:00"]);
    expect(fresh[0]?.score).toBe(96);
    // Sydney already carries 10 points: the early London slot now costs less than Sydney's evening.
    const tiredSydney = best([london, { ...sydney, burden: 10 }]);
    expect(starts(tiredSydney)).toEqual(["06:30"]);
    expect(tiredSydney[0]?.score).toBe(95);
    const tiredLondon = best([{ ...london, burden: 10 }, sydney]);
    expect(starts(tiredLondon)).toEqual(["09:00"]);
    expect(tiredLondon[0]?.attendees.map((a) => a.localStart)).toEqual([
      "2026-03-16T09:00",
      "2026-03-16T20:00",
    ]);
  });

  it("returns at most `limit` slots, best first, earlier start first among equals", () => {
    const ann = person("ann", "Europe/London", { busy: [span(utc(2026, 3, 16, 10), utc(2026, 3, 16, 11))] });
    const all = findSlots({
      attendees: [ann],
      durationMinutes: 30,
      window: MONDAY,
      limit: 1000,
      spreadMinutes: 0,
    });
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1] as Slot, all[i] as Slot];
      expect(a.score > b.score || (a.score === b.score && a.start < b.start)).toBe(true);
    }
    expect(
      findSlots({ attendees: [ann], durationMinutes: 30, window: MONDAY, limit: 3, spreadMinutes: 0 }),
    ).toEqual(all.slice(0, 3));
    expect(
      findSlots({ attendees: [ann], durationMinutes: 30, window: MONDAY, limit: 0, spreadMinutes: 0 }),
    ).toEqual([]);
  });

  it("works with optional attendees only", () => {
    const bob = person("bob", "Europe/London", { required: false });
    const slots = findSlots({
      attendees: [bob],
      durationMinutes: 30,
      window: MONDAY,
      limit: 2,
      spreadMinutes: 0,
    });
    expect(slots.map((s) => s.score)).toEqual([100, 100]);
    // An hour inside the working day is the first time with no edge penalty.
    expect(starts(slots)).toEqual(["10:00", "10:15"]);
  });
});

describe("findSlots: input checks", () => {
  const ann = person("ann", "Europe/London");
  it.each([
    { durationMinutes: 0 },
    { durationMinutes: Number.NaN },
    { granularityMinutes: 0 },
    { granularityMinutes: 7.5 },
    { bufferMinutes: -1 },
    { limit: -1 },
    { window: span(utc(2026, 3, 17), utc(2026, 3, 16)) },
  ])("rejects %o", (bad) => {
    expect(() => findSlots({ attendees: [ann], durationMinutes: 30, window: MONDAY, ...bad })).toThrow(
      RangeError,
    );
  });
});
