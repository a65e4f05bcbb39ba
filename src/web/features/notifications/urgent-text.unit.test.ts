import { describe, expect, it } from "vitest";
import { weekLabel, weeksInWords } from "./urgent-text";

const week = (weekStart: string, total: number, outsideHours: number) => ({ weekStart, total, outsideHours });

describe("the urgent log's weeks in words", () => {
  it("says when nobody was reached outside their hours", () => {
    expect(weeksInWords([week("2026-11-23", 3, 0), week("2026-11-30", 0, 0)])).toBe(
      "No urgent notification reached anyone outside their hours in these 2 weeks.",
    );
  });

  it("counts those outside hours and names the worst week", () => {
    expect(weeksInWords([week("2026-11-23", 4, 1), week("2026-11-30", 5, 3), week("2026-12-07", 1, 1)])).toBe(
      `5 urgent notifications reached people outside their hours in these 3 weeks; the most (3) in the week of ${weekLabel("2026-11-30")}.`,
    );
    expect(weeksInWords([week("2026-11-30", 1, 1)])).toMatch(/^1 urgent notification reached/);
  });

  it("labels a week by its first day, as written (no zone shift)", () => {
    expect(weekLabel("2026-11-30")).toMatch(/Mon.*30/);
  });
});
