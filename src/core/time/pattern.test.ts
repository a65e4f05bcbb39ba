import { describe, expect, it } from "vitest";
import { normalizeWeekPattern, validateWeekPattern } from "./pattern";

describe("validateWeekPattern", () => {
  it("accepts a valid pattern with touching spans, 24:00 ends and missing days", () => {
    const week = {
      mon: [
        { start: "13:00", end: "17:30" },
        { start: "09:00", end: "13:00" },
      ],
      tue: [{ start: "22:00", end: "24:00" }],
      sat: [],
    };
    expect(validateWeekPattern(week)).toEqual([]);
  });

  it("names malformed times with their field", () => {
    const week = {
      mon: [
        { start: "9:00", end: "17:00" },
        { start: "09:00", end: "25:00" },
      ],
      wed: [{ start: "24:00", end: "24:00" }],
      fri: [{ start: "08:60", end: "nonsense" }],
    };
    expect(validateWeekPattern(week)).toEqual([
      { path: "week.mon[0].start", message: "week.mon[0].start must be a time HH:MM from 00:00 to 23:59" },
      { path: "week.mon[1].end", message: "week.mon[1].end must be a time HH:MM from 00:01 to 24:00" },
      { path: "week.wed[0].start", message: "week.wed[0].start must be a time HH:MM from 00:00 to 23:59" },
      { path: "week.fri[0].start", message: "week.fri[0].start must be a time HH:MM from 00:00 to 23:59" },
      { path: "week.fri[0].end", message: "week.fri[0].end must be a time HH:MM from 00:01 to 24:00" },
    ]);
  });

  it("requires the end after the start", () => {
    const week = {
      thu: [
        { start: "17:00", end: "09:00" },
        { start: "10:00", end: "10:00" },
        { start: "00:00", end: "00:00" },
      ],
    };
    expect(validateWeekPattern(week).map((p) => p.message)).toEqual([
      "week.thu[0].end (09:00) must be after its start (17:00)",
      "week.thu[1].end (10:00) must be after its start (10:00)",
      "week.thu[2].end (00:00) must be after its start (00:00)",
    ]);
  });

  it("reports overlaps naming day and both indexes, whatever the order given", () => {
    const week = {
      tue: [
        { start: "09:00", end: "12:00" },
        { start: "11:00", end: "13:00" },
      ],
      sun: [
        { start: "12:00", end: "18:00" },
        { start: "08:00", end: "10:00" },
        { start: "09:30", end: "13:00" },
      ],
    };
    expect(validateWeekPattern(week)).toEqual([
      { path: "week.tue[1]", message: "week.tue[1] overlaps week.tue[0]" },
      { path: "week.sun[2]", message: "week.sun[2] overlaps week.sun[1]" },
      { path: "week.sun[2]", message: "week.sun[2] overlaps week.sun[0]" },
    ]);
  });

  it("reports a span inside a longer one", () => {
    const week = {
      wed: [
        { start: "08:00", end: "18:00" },
        { start: "10:00", end: "11:00" },
        { start: "12:00", end: "13:00" },
      ],
    };
    expect(validateWeekPattern(week).map((p) => p.message)).toEqual([
      "week.wed[1] overlaps week.wed[0]",
      "week.wed[2] overlaps week.wed[0]",
    ]);
  });
});

describe("normalizeWeekPattern", () => {
  it("sorts each day's spans by start and keeps days in week order", () => {
    const week = {
      sun: [{ start: "10:00", end: "12:00" }],
      mon: [
        { start: "13:00", end: "24:00" },
        { start: "09:00", end: "12:00" },
      ],
    };
    const normalized = normalizeWeekPattern(week);
    expect(normalized).toEqual({
      mon: [
        { start: "09:00", end: "12:00" },
        { start: "13:00", end: "24:00" },
      ],
      sun: [{ start: "10:00", end: "12:00" }],
    });
    expect(Object.keys(normalized)).toEqual(["mon", "sun"]);
    expect(week.mon[0]?.start).toBe("13:00");
  });
});
