import { describe, expect, it } from "vitest";
import { clockDays, describeSpans, hourTicks, spansOn } from "./clock";

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
const present = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error("expected a value");
  return value;
};

describe("team clock model", () => {
  it("takes today and the next two days on the viewer's wall clock, DST days included", () => {
    const days = clockDays("Europe/London", at("2026-03-28T12:00:00Z"));
    expect(days.map((d) => d.date)).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    expect(days.map((d) => (d.end - d.start) / HOUR)).toEqual([24, 23, 24]);
    expect(days.map((d) => d.word.slice(0, 3))).toEqual(["tod", "tom", "on "]);
    expect(days[0]?.start).toBe(at("2026-03-28T00:00:00Z"));
    expect(days[2]?.start).toBe(at("2026-03-29T23:00:00Z"));
  });

  it("cuts spans at the viewer's midnight and describes a day's hours", () => {
    const day = present(clockDays("UTC", at("2026-01-14T10:00:00Z"))[0]);
    const late = [{ start: at("2026-01-14T22:00:00Z"), end: at("2026-01-15T02:00:00Z") }];
    const cut = spansOn(late, day);
    expect(cut).toEqual([{ start: at("2026-01-14T22:00:00Z"), end: at("2026-01-15T00:00:00Z") }]);
    expect(describeSpans(cut, "UTC")).toBe("22:00–midnight");
    expect(describeSpans([], "UTC")).toBe("off");
  });

  it("marks every six hours of the viewer's day, at local times across a half-hour zone", () => {
    const ticks = hourTicks(
      clockDays("Asia/Kolkata", at("2026-01-14T10:00:00Z")).slice(0, 1),
      "Asia/Kolkata",
    );
    expect(ticks.map((t) => [t.label, new Date(t.at).toISOString()])).toEqual([
      ["00:00", "2026-01-13T18:30:00.000Z"],
      ["06:00", "2026-01-14T00:30:00.000Z"],
      ["12:00", "2026-01-14T06:30:00.000Z"],
      ["18:00", "2026-01-14T12:30:00.000Z"],
    ]);
  });
});
