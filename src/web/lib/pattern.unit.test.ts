import { describe, expect, it } from "vitest";
import {
  DAY_NAMES,
  editableWeek,
  humanizePatternMessage,
  summarizeWeek,
  WEEKDAYS_NINE_TO_FIVE,
  weekToSend,
} from "./pattern";

describe("working pattern helpers", () => {
  it("names the days", () => {
    expect(Object.values(DAY_NAMES)).toEqual([
      "Monday",
      "Tuesday",
      "Wednesday",
      "Thursday",
      "Friday",
      "Saturday",
      "Sunday",
    ]);
  });

  it("summarises a week, grouping neighbouring days with the same hours", () => {
    expect(summarizeWeek(WEEKDAYS_NINE_TO_FIVE)).toBe("Mon–Fri 09:00–17:00");
    expect(
      summarizeWeek({
        ...WEEKDAYS_NINE_TO_FIVE,
        wed: [
          { start: "09:00", end: "12:00" },
          { start: "13:00", end: "17:00" },
        ],
        sat: [{ start: "10:00", end: "12:00" }],
      }),
    ).toBe("Mon–Tue 09:00–17:00; Wed 09:00–12:00, 13:00–17:00; Thu–Fri 09:00–17:00; Sat 10:00–12:00");
    expect(summarizeWeek({})).toBe("No working hours set");
  });

  it("sends only the days with hours", () => {
    const week = editableWeek({ mon: [{ start: "09:00", end: "17:00" }] });
    expect(week.sun).toEqual([]);
    expect(weekToSend(week)).toEqual({ mon: [{ start: "09:00", end: "17:00" }] });
  });

  it("puts the server's field paths into words", () => {
    expect(humanizePatternMessage("week.tue[1] overlaps week.tue[0]")).toBe(
      "Tuesday hours 2 overlaps Tuesday hours 1",
    );
    expect(humanizePatternMessage("week.sun[0].end (08:00) must be after its start (09:00)")).toBe(
      "Sunday hours 1 (end) (08:00) must be after its start (09:00)",
    );
  });
});
