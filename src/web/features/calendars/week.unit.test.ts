import { describe, expect, it } from "vitest";
import { partsOn, validDate } from "./week";

describe("the calendar page's week", () => {
  it("clips intervals to a day and keeps what names them", () => {
    const day = { start: 100, end: 200 };
    expect(
      partsOn(
        [
          { start: 50, end: 150, calendar: "Work" },
          { start: 250, end: 300, calendar: "x" },
        ],
        day,
      ),
    ).toEqual([{ start: 100, end: 150, calendar: "Work" }]);
  });

  it("accepts only real dates from the address", () => {
    expect(validDate("2026-03-02")).toBe("2026-03-02");
    expect(validDate("2026-13-40")).toBeNull();
    expect(validDate("monday")).toBeNull();
  });
});
