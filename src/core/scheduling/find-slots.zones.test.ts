import { describe, expect, it } from "vitest";
import { utc } from "../../../test/support/time";
import { type Interval, workingIntervals } from "../time";
import { findSlots } from "./find-slots";
import type { Attendee, Slot } from "./types";

const span = (start: number, end: number): Interval => ({ start, end });
const day = [{ start: "09:00", end: "17:30" }];
const WEEKDAYS = { mon: day, tue: day, wed: day, thu: day, fri: day };

function person(personId: string, timeZone: string): Attendee {
  const working = workingIntervals({ timeZone, week: WEEKDAYS }, span(utc(2026, 2, 20), utc(2026, 4, 20)));
  return { personId, timeZone, required: true, working, busy: [] };
}

/** All 30-minute slots in the window, in time order. */
function everySlot(attendees: Attendee[], window: Interval, granularityMinutes = 15): Slot[] {
  const slots = findSlots({
    attendees,
    durationMinutes: 30,
    window,
    granularityMinutes,
    limit: 10_000,
    spreadMinutes: 0,
  });
  return slots.sort((a, b) => a.start - b.start);
}

/** First and last slot start of each UTC day, as ISO minutes. */
function dailyRange(slots: Slot[]): Record<string, [string, string]> {
  const byDay: Record<string, [string, string]> = {};
  for (const slot of slots) {
    const iso = new Date(slot.start).toISOString().slice(0, 16);
    const key = iso.slice(0, 10);
    byDay[key] = [byDay[key]?.[0] ?? iso, iso];
  }
  return byDay;
}

const localTimes = (slots: Slot[], index: number) =>
  new Set(slots.map((s) => s.attendees[index]?.localStart.slice(11)));

describe("findSlots across daylight-saving changes", () => {
  it("follows London's clocks on 29 March 2026", () => {
    const slots = everySlot([person("ann", "Europe/London")], span(utc(2026, 3, 27), utc(2026, 3, 31)));
    expect(dailyRange(slots)).toEqual({
      "2026-03-27": ["2026-03-27T09:00", "2026-03-27T17:00"],
      "2026-03-30": ["2026-03-30T08:00", "2026-03-30T16:00"],
    });
    expect(Math.min(...[...localTimes(slots, 0)].map((t) => Number(t?.slice(0, 2))))).toBe(9);
    expect(localTimes(slots, 0).has("17:00")).toBe(true);
  });

  it("follows New York's clocks on 8 March 2026", () => {
    const slots = everySlot([person("bo", "America/New_York")], span(utc(2026, 3, 6), utc(2026, 3, 10)));
    expect(dailyRange(slots)).toEqual({
      "2026-03-06": ["2026-03-06T14:00", "2026-03-06T22:00"],
      "2026-03-09": ["2026-03-09T13:00", "2026-03-09T21:00"],
    });
  });

  it("follows Sydney's clocks on 5 April 2026", () => {
    const slots = everySlot(
      [person("cy", "Australia/Sydney")],
      span(utc(2026, 4, 2, 12), utc(2026, 4, 6, 12)),
    );
    expect(dailyRange(slots)).toEqual({
      "2026-04-02": ["2026-04-02T22:00", "2026-04-02T23:45"],
      "2026-04-03": ["2026-04-03T00:00", "2026-04-03T06:00"],
      "2026-04-05": ["2026-04-05T23:00", "2026-04-05T23:45"],
      "2026-04-06": ["2026-04-06T00:00", "2026-04-06T07:00"],
    });
    expect(slots[0]?.attendees[0]?.localStart).toBe("2026-04-03T09:00");
    expect(slots.at(-1)?.attendees[0]?.localStart).toBe("2026-04-06T17:00");
  });

  it("follows Chatham's 45-minute offsets across 5 April 2026", () => {
    const slots = everySlot(
      [person("di", "Pacific/Chatham")],
      span(utc(2026, 4, 2, 12), utc(2026, 4, 6, 12)),
    );
    expect(dailyRange(slots)).toEqual({
      "2026-04-02": ["2026-04-02T19:15", "2026-04-02T23:45"],
      "2026-04-03": ["2026-04-03T00:00", "2026-04-03T03:15"],
      "2026-04-05": ["2026-04-05T20:15", "2026-04-05T23:45"],
      "2026-04-06": ["2026-04-06T00:00", "2026-04-06T04:15"],
    });
    expect(localTimes(slots, 0).has("09:00")).toBe(true);
    expect(localTimes(slots, 0).has("17:00")).toBe(true);
    expect(localTimes(slots, 0).size).toBe(33);
  });

  it("puts Kolkata's half-hour offset on UTC-aligned candidates", () => {
    const kolkata = [person("ek", "Asia/Kolkata")];
    const monday = span(utc(2026, 3, 16), utc(2026, 3, 17));
    const quarter = everySlot(kolkata, monday);
    expect(quarter[0]?.start).toBe(utc(2026, 3, 16, 3, 30));
    expect(quarter[0]?.attendees[0]?.localStart).toBe("2026-03-16T09:00");
    const hourly = everySlot(kolkata, monday, 60);
    expect(hourly.map((s) => s.attendees[0]?.localStart.slice(11))).toEqual([
      "09:30",
      "10:30",
      "11:30",
      "12:30",
      "13:30",
      "14:30",
      "15:30",
      "16:30",
    ]);
  });
});

describe("findSlots when only one of two zones has changed clocks", () => {
  const london = person("ann", "Europe/London");
  const newYork = person("bo", "America/New_York");
  const overlap = (date: [number, number]) =>
    dailyRange(everySlot([london, newYork], span(utc(2026, ...date), utc(2026, ...date) + 86_400_000)));

  it("shares 14:00–17:30 UTC while both are on standard time", () => {
    expect(overlap([3, 2])).toEqual({ "2026-03-02": ["2026-03-02T14:00", "2026-03-02T17:00"] });
  });

  it("shares an hour more once New York alone has moved (9–27 March)", () => {
    expect(overlap([3, 16])).toEqual({ "2026-03-16": ["2026-03-16T13:00", "2026-03-16T17:00"] });
    const slots = everySlot([london, newYork], span(utc(2026, 3, 16), utc(2026, 3, 17)));
    expect(slots[0]?.attendees.map((a) => a.localStart)).toEqual(["2026-03-16T13:00", "2026-03-16T09:00"]);
    expect(slots.at(-1)?.attendees.map((a) => a.localStart)).toEqual([
      "2026-03-16T17:00",
      "2026-03-16T13:00",
    ]);
  });

  it("shares 13:00–16:30 UTC once London has moved too", () => {
    expect(overlap([3, 30])).toEqual({ "2026-03-30": ["2026-03-30T13:00", "2026-03-30T16:00"] });
  });
});
