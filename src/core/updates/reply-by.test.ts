import { describe, expect, it } from "vitest";
import { utc, weekdays } from "../../../test/support/time";
import { containsInstant, DAY_MS, type Interval, type WorkingTimeProfile, workingIntervals } from "../time";
import { type ResponderDeadline, responderDeadline } from "./reply-by";

const nineToFive = weekdays("09:00", "17:00");
const berlin: WorkingTimeProfile = { timeZone: "Europe/Berlin", week: nineToFive };
const newYork: WorkingTimeProfile = { timeZone: "America/New_York", week: nineToFive };
const tokyo: WorkingTimeProfile = { timeZone: "Asia/Tokyo", week: nineToFive };

/** Their working intervals for the 30 days from a day before the post, as the server gathers them. */
const workingFrom = (person: WorkingTimeProfile, at: number): Interval[] =>
  workingIntervals(person, { start: at - DAY_MS, end: at + 30 * DAY_MS });

const deadline = (person: WorkingTimeProfile, at: number, hours: number): ResponderDeadline =>
  responderDeadline(workingFrom(person, at), at, hours);

/** remindAt < lateRemindAt < replyBy, and both reminders inside the person's working time. */
function expectRemindersInside(person: WorkingTimeProfile, at: number, d: ResponderDeadline) {
  const working = workingFrom(person, at);
  if (d.remindAt === null || d.lateRemindAt === null || d.replyBy === null) throw new Error("no deadline");
  expect(d.remindAt).toBeGreaterThan(at);
  expect(d.remindAt).toBeLessThan(d.lateRemindAt);
  expect(d.lateRemindAt).toBeLessThan(d.replyBy);
  expect(containsInstant(working, d.remindAt)).toBe(true);
  expect(containsInstant(working, d.lateRemindAt)).toBe(true);
}

describe("responderDeadline over zones, DST, weekends and absences", () => {
  it("lands a Friday-afternoon post in Berlin on Monday, reminders at 50% and 90% of the 8 hours", () => {
    const at = utc(2026, 2, 6, 14); // Friday 15:00 in Berlin (UTC+1): 2 hours left that day
    const d = deadline(berlin, at, 8);
    expect(d).toEqual({
      replyBy: utc(2026, 2, 9, 14), // Monday 15:00
      remindAt: utc(2026, 2, 9, 10), // Monday 11:00: 2 h on Friday + 2 h on Monday
      lateRemindAt: utc(2026, 2, 9, 13, 12), // Monday 14:12: 7.2 h
    });
    expectRemindersInside(berlin, at, d);
  });

  it("counts New York's hours in the new offset after the March DST change over the weekend", () => {
    const at = utc(2026, 3, 6, 20); // Friday 15:00 EST (UTC−5); clocks go forward on Sunday 8 March
    const d = deadline(newYork, at, 8);
    expect(d).toEqual({
      replyBy: utc(2026, 3, 9, 19), // Monday 15:00 EDT (UTC−4), not 20:00Z
      remindAt: utc(2026, 3, 9, 15), // Monday 11:00 EDT
      lateRemindAt: utc(2026, 3, 9, 18, 12), // Monday 14:12 EDT
    });
    expectRemindersInside(newYork, at, d);
  });

  it("gives each zone its own reply-by for one post", () => {
    const at = utc(2026, 2, 6, 14); // Friday 23:00 in Tokyo: their weekend has begun
    expect(deadline(tokyo, at, 8).replyBy).toBe(utc(2026, 2, 9, 8)); // Monday 17:00 JST
    expect(deadline(berlin, at, 8).replyBy).toBe(utc(2026, 2, 9, 14));
    expectRemindersInside(tokyo, at, deadline(tokyo, at, 8));
  });

  it("pushes the reply-by and reminders past an absence", () => {
    const at = utc(2026, 2, 6, 14);
    const away: WorkingTimeProfile = {
      ...berlin,
      absences: [{ start: utc(2026, 2, 8, 23), end: utc(2026, 2, 9, 23) }],
    };
    const d = deadline(away, at, 8); // all of Monday away
    expect(d).toEqual({
      replyBy: utc(2026, 2, 10, 14), // Tuesday 15:00
      remindAt: utc(2026, 2, 10, 10),
      lateRemindAt: utc(2026, 2, 10, 13, 12),
    });
    expectRemindersInside(away, at, d);
  });

  it("moves a reminder that would fall at the very end of a working day to the next morning", () => {
    const at = utc(2026, 2, 9, 8); // Monday 09:00 in Berlin; 16 hours: half is Monday's 8
    const d = deadline(berlin, at, 16);
    expect(d.remindAt).toBe(utc(2026, 2, 10, 8)); // Tuesday 09:00, not Monday 17:00
    expect(d.lateRemindAt).toBe(utc(2026, 2, 10, 14, 24)); // Tuesday 15:24: 14.4 h
    expect(d.replyBy).toBe(utc(2026, 2, 10, 16)); // Tuesday 17:00
    expectRemindersInside(berlin, at, d);
  });

  it("starts counting at the next working hour for a post at night", () => {
    const at = utc(2026, 2, 10, 2); // Tuesday 03:00 in Berlin
    const d = deadline(berlin, at, 2);
    expect(d).toEqual({
      replyBy: utc(2026, 2, 10, 10),
      remindAt: utc(2026, 2, 10, 9),
      lateRemindAt: utc(2026, 2, 10, 9, 48),
    });
    expectRemindersInside(berlin, at, d);
  });

  it("with 0 hours is due at posting, with no reminders", () => {
    const at = utc(2026, 2, 7, 12); // a Saturday: due at once all the same
    expect(deadline(berlin, at, 0)).toEqual({ replyBy: at, remindAt: null, lateRemindAt: null });
  });

  it("has no reply-by and no reminders when their working time runs out", () => {
    const at = utc(2026, 2, 6, 14);
    const gone: WorkingTimeProfile = { ...berlin, absences: [{ start: at, end: at + 40 * DAY_MS }] };
    expect(deadline(gone, at, 8)).toEqual({ replyBy: null, remindAt: null, lateRemindAt: null });
    // 300 hours do not fit in 30 days of 8-hour weekdays (about 176 hours).
    expect(deadline(berlin, at, 300)).toEqual({ replyBy: null, remindAt: null, lateRemindAt: null });
  });
});
