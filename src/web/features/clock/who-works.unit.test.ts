import { describe, expect, it } from "vitest";
import type { WeekPattern } from "../../../core/time";
import { clockDays } from "./clock";
import { type ClockMember, daySentence, sharedByDay } from "./who-works";

const at = (iso: string) => Date.parse(iso);
const WEEKDAYS: WeekPattern = Object.fromEntries(
  ["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [{ start: "09:00", end: "17:00" }]]),
);
const member = (name: string, timeZone: string, spans: [string, string][]): ClockMember => ({
  name,
  timeZone,
  workingPattern: { week: WEEKDAYS },
  spans: spans.map(([start, end]) => ({ start: at(start), end: at(end) })),
});

// Wednesday 14 January 2026 in Kolkata; the next days are Thursday and Friday.
const [wed, thu, fri] = clockDays("Asia/Kolkata", at("2026-01-14T10:00:00Z"));
const priya = member("Priya", "Asia/Kolkata", [["2026-01-14T03:30:00Z", "2026-01-14T11:30:00Z"]]);
const kenji = member("Kenji", "Europe/London", [
  ["2026-01-14T09:00:00Z", "2026-01-14T12:00:00Z"],
  ["2026-01-14T13:00:00Z", "2026-01-14T17:00:00Z"],
]);

describe("who works on a day of the team clock", () => {
  it("says when everyone overlaps, in the viewer's zone", () => {
    if (!wed) throw new Error("no day");
    expect(daySentence([priya, kenji], wed, "Asia/Kolkata")).toBe(
      "Everyone overlaps 14:30–17:00 your time today",
    );
    const late = member("Ada", "Asia/Kolkata", [
      ["2026-01-14T09:00:00Z", "2026-01-14T11:30:00Z"],
      ["2026-01-14T13:00:00Z", "2026-01-14T13:30:00Z"],
    ]);
    expect(daySentence([late, kenji], wed, "Asia/Kolkata")).toBe(
      "Everyone overlaps 14:30–17:00 and 18:30–19:00 your time today",
    );
  });

  it("shares the hours of those working and names who is off and why, never just 'No shared hours'", () => {
    if (!wed || !thu || !fri) throw new Error("no day");
    const away = member("Ben", "Europe/London", []);
    const weekendWorker = { ...member("Cy", "America/New_York", []), workingPattern: { week: {} } };
    expect(daySentence([priya, kenji, away], wed, "Asia/Kolkata")).toBe(
      "The 2 people working overlap 14:30–17:00 your time today; off: Ben (away)",
    );
    expect(daySentence([priya, kenji, weekendWorker], wed, "Asia/Kolkata")).toBe(
      "The 2 people working overlap 14:30–17:00 your time today; off: Cy (not working)",
    );
    expect(daySentence([priya, kenji], thu, "Asia/Kolkata")).toBe(
      "Nobody works tomorrow; off: Priya (away) and Kenji (away)",
    );
    const saturday = clockDays("Asia/Kolkata", at("2026-01-17T10:00:00Z"))[0];
    if (!saturday) throw new Error("no day");
    expect(daySentence([priya, kenji], saturday, "Asia/Kolkata")).toBe(
      "Nobody works today; off: Priya (weekend) and Kenji (weekend)",
    );
    expect(daySentence([priya, away], wed, "Asia/Kolkata")).toBe("Only Priya works today; off: Ben (away)");
  });

  it("bands, day by day, only the time shared by those working that day", () => {
    const away = member("Ben", "Europe/London", []);
    expect(sharedByDay([priya, kenji, away], clockDays("Asia/Kolkata", at("2026-01-14T10:00:00Z")))).toEqual([
      { start: at("2026-01-14T09:00:00Z"), end: at("2026-01-14T11:30:00Z") },
    ]);
  });
});
