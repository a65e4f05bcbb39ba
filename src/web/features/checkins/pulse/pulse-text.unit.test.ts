import { describe, expect, it } from "vitest";
import { formatDate } from "../../../lib/time";
import { heldBack, pulseSummary, pulseWeeks, thresholdNote, weekLabel } from "./pulse-text";

const pulse = {
  minGroupSize: 5,
  periods: [
    { start: "2026-01-12", respondents: 6, average: 3.8, distribution: [0, 1, 1, 2, 2] },
    { start: "2026-01-05", respondents: 3 },
    { start: "2026-01-19", respondents: 5, average: 4.2, distribution: [0, 0, 1, 2, 2] },
  ],
  mine: [
    { start: "2026-01-05", average: 2 },
    { start: "2025-12-29", average: 3 },
  ],
};

describe("the pulse trend", () => {
  it("joins the team's weeks and mine, oldest first, leaving held-back weeks without a team average", () => {
    expect(pulseWeeks(pulse)).toEqual([
      { start: "2025-12-29", respondents: 0, team: undefined, mine: 3 },
      { start: "2026-01-05", respondents: 3, team: undefined, mine: 2 },
      { start: "2026-01-12", respondents: 6, team: 3.8, mine: undefined },
      { start: "2026-01-19", respondents: 5, team: 4.2, mine: undefined },
    ]);
  });

  it("starts at the first week anyone answered, and holds back only weeks some answered", () => {
    const quiet = {
      minGroupSize: 5,
      periods: [
        { start: "2026-01-05", respondents: 0 },
        { start: "2026-01-12", respondents: 2 },
        { start: "2026-01-19", respondents: 0 },
      ],
      mine: [],
    };
    const weeks = pulseWeeks(quiet);
    expect(weeks.map((w) => w.start)).toEqual(["2026-01-12", "2026-01-19"]);
    expect(weeks.map(heldBack)).toEqual([true, false]);
    expect(pulseWeeks({ ...quiet, periods: [{ start: "2026-01-05", respondents: 0 }] })).toEqual([]);
  });

  it("says the latest shown average and how many weeks were held back, and why", () => {
    expect(pulseSummary(pulseWeeks(pulse), 5)).toBe(
      `The team's latest weekly average is 4.2 out of 5 (the week of ${formatDate("2026-01-19")}). 1 week is held back because fewer than 5 people answered.`,
    );
    expect(pulseSummary([{ start: "2026-01-05", respondents: 2 }], 7)).toBe(
      "No week has enough answers to show the team's average yet. 1 week is held back because fewer than 7 people answered.",
    );
    expect(pulseSummary([], 5)).toBe("No pulse answers yet.");
  });

  it("names the privacy threshold and the week", () => {
    expect(thresholdNote(5)).toBe("Shown for groups of 5 or more");
    // The date in the viewer's own format (the browser's locale).
    expect(weekLabel("2026-01-05")).toBe(`Week of ${formatDate("2026-01-05")}`);
  });
});
