import { describe, expect, it } from "vitest";
import { utc } from "../../../test/support/time";
import { type Interval, workingIntervals } from "../time";
import { classifySlot, INCONVENIENCE_WEIGHTS, inconveniencePoints } from "./inconvenience";

const slot = (start: number, minutes: number): Interval => ({ start, end: start + minutes * 60_000 });
const day = [{ start: "09:00", end: "17:30" }];
const weekdays = { mon: day, tue: day, wed: day, thu: day, fri: day };
const person = (timeZone: string, from: number, to: number) => ({
  timeZone,
  working: workingIntervals({ timeZone, week: weekdays }, { start: from, end: to }),
});

describe("classifySlot", () => {
  const london = person("Europe/London", utc(2026, 3, 1), utc(2026, 4, 30));

  it("calls a slot inside working hours and 09:00–18:00 convenient", () => {
    expect(classifySlot(slot(utc(2026, 3, 16, 9), 60), london)).toEqual({
      early: false,
      late: false,
      outside: false,
    });
  });

  it("marks early, late and outside on the local clock, also after the clocks change", () => {
    expect(classifySlot(slot(utc(2026, 3, 16, 8), 30), london)).toEqual({
      early: true,
      late: false,
      outside: true,
    });
    expect(classifySlot(slot(utc(2026, 3, 30, 8), 30), london)).toEqual({
      early: false,
      late: false,
      outside: false,
    });
    expect(classifySlot(slot(utc(2026, 3, 30, 16, 30), 60), london)).toEqual({
      early: false,
      late: true,
      outside: true,
    });
  });

  it("ends exactly at 18:00 without being late and starts at 09:00 without being early", () => {
    const long = {
      timeZone: "Europe/London",
      working: [{ start: utc(2026, 3, 16, 9), end: utc(2026, 3, 16, 18) }],
    };
    expect(classifySlot(slot(utc(2026, 3, 16, 9), 9 * 60), long)).toEqual({
      early: false,
      late: false,
      outside: false,
    });
  });

  it("counts a slot that runs past local midnight as late", () => {
    expect(classifySlot(slot(utc(2026, 3, 16, 23, 30), 60), london).late).toBe(true);
  });

  it("uses Kolkata's half-hour offset", () => {
    const kolkata = person("Asia/Kolkata", utc(2026, 3, 1), utc(2026, 4, 1));
    expect(classifySlot(slot(utc(2026, 3, 16, 3), 30), kolkata)).toMatchObject({
      early: true,
      outside: true,
    });
    expect(classifySlot(slot(utc(2026, 3, 16, 3, 30), 30), kolkata)).toMatchObject({
      early: false,
      outside: false,
    });
    expect(classifySlot(slot(utc(2026, 3, 16, 12), 30), kolkata)).toMatchObject({
      late: false,
      outside: true,
    });
    expect(classifySlot(slot(utc(2026, 3, 16, 12, 15), 30), kolkata).late).toBe(true);
  });

  it("uses Chatham's +13:45 and +12:45 on either side of its April change", () => {
    const chatham = person("Pacific/Chatham", utc(2026, 3, 25), utc(2026, 4, 15));
    expect(classifySlot(slot(utc(2026, 4, 1, 19, 15), 30), chatham)).toMatchObject({
      early: false,
      outside: false,
    });
    expect(classifySlot(slot(utc(2026, 4, 7, 19, 15), 30), chatham)).toMatchObject({
      early: true,
      outside: true,
    });
    expect(classifySlot(slot(utc(2026, 4, 7, 20, 15), 30), chatham)).toMatchObject({
      early: false,
      outside: false,
    });
  });

  it("is outside when the slot straddles the end of a working interval", () => {
    expect(classifySlot(slot(utc(2026, 3, 16, 17), 60), london).outside).toBe(true);
  });
});

describe("inconveniencePoints", () => {
  it("weighs outside working hours double", () => {
    expect(INCONVENIENCE_WEIGHTS).toEqual({ early: 1, late: 1, outside: 2 });
    expect(inconveniencePoints({ early: true, late: false, outside: true })).toBe(3);
    expect(inconveniencePoints({ early: false, late: true, outside: false })).toBe(1);
    expect(inconveniencePoints({ early: false, late: false, outside: false })).toBe(0);
  });
});
