import { afterEach, describe, expect, it } from "vitest";
import { formatClock, formatDateTime, formatHour, formatSpan, formatTime, setClockFormat } from "./time";

const at = Date.parse("2026-01-14T09:00:00Z"); // 14:30 in Kolkata, 09:00 in London
const spaced = (text: string) => text.replace(/[\s\u202f]/g, " ").toLowerCase();

describe("one clock format for every time shown", () => {
  afterEach(() => setClockFormat("24h"));

  it("shows 24-hour times by default", () => {
    expect(formatTime(at, "Asia/Kolkata")).toBe("14:30");
    expect(formatTime(at, "Europe/London")).toBe("09:00");
    expect(formatClock("09:05")).toBe("09:05");
    expect(formatHour(7)).toBe("07:00");
  });

  it("says a span that runs to the end of the day ends at midnight", () => {
    const midnight = Date.parse("2026-01-14T00:00:00Z");
    expect(formatSpan({ start: midnight, end: midnight + 86_400_000 }, "Europe/London")).toBe(
      "00:00–midnight",
    );
    expect(formatSpan({ start: at, end: at + 15 * 3_600_000 }, "Europe/London")).toBe("09:00–midnight");
  });

  it("shows 12-hour times everywhere once the person's setting says so", () => {
    setClockFormat("12h");
    expect(spaced(formatTime(at, "Asia/Kolkata"))).toBe("2:30 pm");
    expect(spaced(formatDateTime(at, "Asia/Kolkata"))).toContain("2:30 pm");
    expect(spaced(formatSpan({ start: at, end: at + 3_600_000 }, "Europe/London"))).toBe("9:00 am–10:00 am");
    expect(spaced(formatClock("17:45"))).toBe("5:45 pm");
    expect(spaced(formatClock("00:30"))).toBe("12:30 am");
    expect(spaced(formatHour(12))).toBe("12:00 pm");
  });
});
