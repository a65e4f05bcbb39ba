import { describe, expect, it } from "vitest";
import { costText, meetingFlags } from "./meeting-text";
import { byDay, mondayOf, thisMonday, weekDays } from "./week";

describe("the meetings week", () => {
  it("starts on Monday in the viewer's zone", () => {
    expect(mondayOf("2026-03-08")).toBe("2026-03-02"); // a Sunday
    expect(mondayOf("2026-03-09")).toBe("2026-03-09");
    // Monday 00:30 in Tokyo is still Sunday in UTC.
    const at = Date.parse("2026-03-08T15:30:00Z");
    expect(thisMonday("Asia/Tokyo", at)).toBe("2026-03-09");
    expect(thisMonday("UTC", at)).toBe("2026-03-02");
  });

  it("has local days of 23 hours across a spring DST change, and files meetings under their local day", () => {
    const days = weekDays("America/New_York", "2026-03-02");
    expect(days.map((d) => d.date)).toEqual([
      "2026-03-02",
      "2026-03-03",
      "2026-03-04",
      "2026-03-05",
      "2026-03-06",
      "2026-03-07",
      "2026-03-08",
    ]);
    const sunday = days[6];
    expect(sunday && (sunday.end - sunday.start) / 3_600_000).toBe(23);
    const grouped = byDay(days, [
      { id: "late", start: "2026-03-03T04:30:00Z" }, // Mon 23:30 in New York
      { id: "early", start: "2026-03-02T14:00:00Z" },
      { id: "next-week", start: "2026-03-09T05:00:00Z" },
    ]);
    expect(grouped[0]?.meetings.map((m) => m.id)).toEqual(["early", "late"]);
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
