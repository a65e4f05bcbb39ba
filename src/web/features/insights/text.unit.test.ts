import { describe, expect, it } from "vitest";
import { figure, groupSizeNote, suppressedNote, teamSummary, valueText, weeklySummary } from "./text";

describe("insight sentences", () => {
  it("writes figures with at most one decimal", () => {
    expect(figure(8.5)).toBe("8.5");
    expect(figure(16)).toBe("16");
    expect(figure(14.04)).toBe("14");
    expect(valueText("checkinParticipation", 0.756)).toBe("76%");
    expect(valueText("pulse", 3.8)).toBe("3.8 of 5");
  });

  it("says a person's weekly chart in one sentence, with the budget", () => {
    const weeks = [8.5, 12, 16, 14];
    expect(weeklySummary("meetingHours", weeks, 15)).toBe(
      "Meeting hours per week, 4 weeks: from 8.5 to 16 h; last week 14 h, budget 15 h",
    );
  });

  it("leaves weeks without a figure out of the range and says so for the last week", () => {
    expect(weeklySummary("pulse", [3, undefined, 4.5, undefined])).toBe(
      "Pulse per week, 4 weeks: from 3 to 4.5 of 5; no figure last week",
    );
    expect(weeklySummary("replyLatencyHours", [undefined, undefined])).toBe(
      "Reply time per week: no figures in these weeks.",
    );
  });

  it("says a team's chart with medians and the 75th percentile", () => {
    const stats = [
      { median: 6, p75: 9 },
      { median: 9, p75: 12 },
      { median: 8, p75: 10 },
    ];
    expect(teamSummary("meetingHours", stats)).toBe(
      "Meeting hours per week, 3 weeks: median from 6 to 9 h, 75th percentile up to 12 h; " +
        "last week median 8 h, 75th percentile 10 h",
    );
  });

  it("explains the group size and a suppressed group", () => {
    expect(groupSizeNote(7, 5)).toBe("Figures for groups of 5 or more people; this team has 7");
    expect(suppressedNote("Platform", 5)).toMatch(
      /^Platform has fewer than 5 people, so no figures are shown/,
    );
  });
});
