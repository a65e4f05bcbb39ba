import { describe, expect, it } from "vitest";
import { weekDays } from "../../../lib/week";
import { costText, meetingFlags } from "./meeting-text";
import { byDay } from "./week";

describe("the meetings week", () => {
  it("files meetings under their local day, across a 23-hour DST day", () => {
    const days = weekDays("America/New_York", "2026-03-02");
    const grouped = byDay(days, [
      { id: "late", start: "2026-03-03T04:30:00Z" }, // Mon 23:30 in New York
      { id: "early", start: "2026-03-02T14:00:00Z" },
      { id: "sunday-late", start: "2026-03-09T03:30:00Z" }, // Sun 23:30 in New York, after the change
      { id: "next-week", start: "2026-03-09T05:00:00Z" },
    ]);
    expect(grouped[0]?.meetings.map((m) => m.id)).toEqual(["early", "late"]);
    expect(grouped[6]?.meetings.map((m) => m.id)).toEqual(["sunday-late"]);
    expect(grouped.flatMap((d) => d.meetings).map((m) => m.id)).not.toContain("next-week");
  });

  it("says cost and flags in words", () => {
    expect(costText(1)).toBe("1 person-hour");
    expect(costText(2.25)).toBe("2.3 person-hours");
    expect(meetingFlags({ status: "scheduled", agendaMissing: true }).map((f) => f.label)).toEqual([
      "Agenda missing",
    ]);
    expect(meetingFlags({ status: "cancelled", agendaMissing: true }).map((f) => f.label)).toEqual([
      "Cancelled",
    ]);
    expect(meetingFlags({ status: "completed", agendaMissing: false }).map((f) => f.label)).toEqual([
      "Completed",
    ]);
  });
});
