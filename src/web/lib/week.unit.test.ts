import { describe, expect, it } from "vitest";
import { mondayOf, weekDays } from "./week";

describe("the viewer's week", () => {
  it("starts on the viewer's local Monday, whatever the UTC date", () => {
    // Sunday 23:30 UTC is already Monday in Kolkata.
    expect(mondayOf("Asia/Kolkata", Date.parse("2026-03-08T23:30:00Z"))).toBe("2026-03-09");
    expect(mondayOf("Europe/London", Date.parse("2026-03-08T23:30:00Z"))).toBe("2026-03-02");
    // Monday 00:30 in Tokyo is still Sunday in UTC.
    expect(mondayOf("Asia/Tokyo", Date.parse("2026-03-08T15:30:00Z"))).toBe("2026-03-09");
    expect(mondayOf("UTC", Date.parse("2026-03-09T00:00:00Z"))).toBe("2026-03-09");
  });

  it("has seven local days, one of them 23 hours long across the spring change", () => {
    const days = weekDays("Europe/London", "2026-03-23");
    expect(days.map((d) => d.date)).toEqual([
      "2026-03-23",
      "2026-03-24",
      "2026-03-25",
      "2026-03-26",
      "2026-03-27",
      "2026-03-28",
      "2026-03-29",
    ]);
    expect(days.map((d) => (d.end - d.start) / 3_600_000)).toEqual([24, 24, 24, 24, 24, 24, 23]);
  });
});
