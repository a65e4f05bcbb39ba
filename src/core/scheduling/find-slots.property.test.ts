import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findSlotsNaive } from "../../../bench/baseline/naive-slots";
import { type Interval, mergeIntervals, WEEKDAYS, type WeekPattern, workingIntervals } from "../time";
import { findSlots } from "./find-slots";
import type { Attendee, Slot, SlotQuery } from "./types";

const MINUTE = 60_000;
const ZONES = [
  "Europe/London",
  "America/New_York",
  "Australia/Sydney",
  "Pacific/Chatham",
  "Asia/Kolkata",
  "America/Los_Angeles",
  "Australia/Lord_Howe",
  "UTC",
];
const PATTERNS: WeekPattern[] = [
  {
    mon: [{ start: "09:00", end: "17:30" }],
    tue: [{ start: "09:00", end: "17:30" }],
    wed: [{ start: "09:00", end: "17:30" }],
    thu: [{ start: "09:00", end: "17:30" }],
    fri: [{ start: "09:00", end: "17:30" }],
  },
  {
    mon: [
      { start: "07:00", end: "12:00" },
      { start: "13:00", end: "19:00" },
    ],
    wed: [{ start: "08:00", end: "16:00" }],
    sat: [{ start: "10:00", end: "14:00" }],
  },
  {
    sun: [{ start: "00:00", end: "24:00" }],
    mon: [{ start: "00:00", end: "24:00" }],
    tue: [{ start: "22:00", end: "24:00" }],
    wed: [{ start: "00:00", end: "06:00" }],
  },
  {
    tue: [{ start: "01:30", end: "03:15" }],
    thu: [{ start: "06:45", end: "23:15" }],
    fri: [{ start: "09:00", end: "17:00" }],
    sat: [{ start: "09:00", end: "17:00" }],
  },
];
/** 2026-01-01 to 2026-12-01: the window may fall on any zone's clock change. */
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_MINUTES = 334 * 24 * 60;

const intervalsArb = (maxCount: number) =>
  fc.array(
    fc.record({
      offset: fc.integer({ min: -600, max: 12 * 24 * 60 }),
      minutes: fc.integer({ min: 1, max: 300 }),
    }),
    { maxLength: maxCount },
  );

const queryArb = fc
  .record({
    startMinute: fc.integer({ min: 0, max: YEAR_MINUTES }),
    windowMinutes: fc.integer({ min: 60, max: 10 * 24 * 60 }),
    durationMinutes: fc.integer({ min: 5, max: 240 }),
    granularityMinutes: fc.constantFrom(5, 10, 15, 20, 30, 60),
    bufferMinutes: fc.constantFrom(0, 0, 5, 10, 15, 30),
    limit: fc.integer({ min: 1, max: 25 }),
    allowOutsideWorkingHours: fc.boolean(),
    spreadMinutes: fc.constantFrom(0, 0, 30, 60, 90),
    noMeetingDays: fc.subarray([...WEEKDAYS], { maxLength: 2 }),
    dailyMeetingHours: fc.constantFrom(0, 0, 2, 4.5),
    people: fc.array(
      fc.record({
        zone: fc.constantFrom(...ZONES),
        pattern: fc.constantFrom(...PATTERNS),
        required: fc.boolean(),
        busy: intervalsArb(25),
        focus: intervalsArb(4),
        burden: fc.constantFrom(0, 0, 3, 12.5, 40),
        absent: intervalsArb(2),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map((raw): SlotQuery => {
    const start = YEAR_START + raw.startMinute * MINUTE;
    const window = { start, end: start + raw.windowMinutes * MINUTE };
    const toIntervals = (list: { offset: number; minutes: number }[]) =>
      mergeIntervals(
        list.map((i) => ({ start: start + i.offset * MINUTE, end: start + (i.offset + i.minutes) * MINUTE })),
      );
    const attendees = raw.people.map(
      (p, i): Attendee => ({
        personId: `p${i}`,
        required: p.required,
        timeZone: p.zone,
        working: workingIntervals(
          { timeZone: p.zone, week: p.pattern },
          { start: start - 86_400_000, end: window.end + 86_400_000 },
        ),
        busy: toIntervals(p.busy),
        focus: toIntervals(p.focus),
        absent: toIntervals(p.absent),
        burden: p.burden,
      }),
    );
    const { durationMinutes, granularityMinutes, bufferMinutes, limit, allowOutsideWorkingHours } = raw;
    const { spreadMinutes, noMeetingDays, dailyMeetingHours } = raw;
    return {
      attendees,
      spreadMinutes,
      noMeetingDays,
      dailyMeetingHours,
      window,
      durationMinutes,
      granularityMinutes,
      bufferMinutes,
      limit,
      allowOutsideWorkingHours,
    };
  });

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;
const within = (slot: Interval, list: readonly Interval[]) =>
  list.some((i) => i.start <= slot.start && slot.end <= i.end);
/** Free time computed the plain way: working minus every busy interval, one minute at a time. */
const freeEveryMinute = (slot: Interval, a: Attendee) => {
  for (let t = slot.start; t < slot.end; t += MINUTE) {
    const minute = { start: t, end: t + MINUTE };
    if (!within(minute, a.working) || a.busy.some((b) => overlaps(b, minute))) return false;
  }
  return true;
};

describe("findSlots properties", () => {
  it("never puts a slot over a required attendee's busy time (buffer included) or outside the window", () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const buffer = (query.bufferMinutes ?? 0) * MINUTE;
        for (const slot of findSlots(query)) {
          expect(slot.start).toBeGreaterThanOrEqual(query.window.start);
          expect(slot.end).toBeLessThanOrEqual(query.window.end);
          expect(slot.end - slot.start).toBe(query.durationMinutes * MINUTE);
          for (const attendee of query.attendees.filter((a) => a.required)) {
            const widened = { start: slot.start - buffer, end: slot.end + buffer };
            expect(attendee.busy.some((b) => overlaps(b, widened))).toBe(false);
            if (!query.allowOutsideWorkingHours) {
              expect(within(slot, attendee.working)).toBe(true);
              expect(freeEveryMinute(slot, attendee)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reports each attendee's free and working flags truthfully", () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const buffer = (query.bufferMinutes ?? 0) * MINUTE;
        for (const slot of findSlots(query)) {
          slot.attendees.forEach((flags, i) => {
            const attendee = query.attendees[i] as Attendee;
            const widened = { start: slot.start - buffer, end: slot.end + buffer };
            expect(flags.personId).toBe(attendee.personId);
            expect(flags.free).toBe(!attendee.busy.some((b) => overlaps(b, widened)));
            expect(flags.inWorkingHours).toBe(within(slot, attendee.working));
          });
        }
      }),
      { numRuns: 200 },
    );
  });

  it("returns exactly the naive baseline's top slots, best first, spread apart", () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const slots = findSlots(query);
        expect(slots).toEqual(findSlotsNaive(query));
        const spreadMs = (query.spreadMinutes ?? 60) * MINUTE;
        for (const a of slots)
          for (const b of slots)
            if (a !== b) expect(Math.abs(a.start - b.start)).toBeGreaterThanOrEqual(spreadMs);
        for (let i = 1; i < slots.length; i++) {
          const [a, b] = [slots[i - 1] as Slot, slots[i] as Slot];
          expect(a.score > b.score || (a.score === b.score && a.start < b.start)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
