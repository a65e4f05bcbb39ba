import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTimeOfDay, WEEKDAYS, type WorkingTimeProfile } from "../time";
import { deliveryOn, type RitualTiming } from "./delivery";

const ZONES = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham"];
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2026, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2027, 11, 31) / DAY_MS;

/** Local date and "HH:MM" of an instant in a zone, read with Intl (not with our own zone code). */
function wallClock(timeZone: string, instant: number): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Whether the wall clock of `timeZone` ever shows `time` on `date` (checked at both offsets around it). */
function wallTimeExists(timeZone: string, date: string, time: string): boolean {
  const wall = Date.parse(`${date}T${time}:00Z`);
  return [wall - DAY_MS, wall + DAY_MS].some((probe) => {
    const shown = wallClock(timeZone, probe);
    const offset = Date.parse(`${shown.date}T${shown.time}:00Z`) - probe;
    const candidate = wall - Math.round(offset / 60_000) * 60_000;
    const back = wallClock(timeZone, candidate);
    return back.date === date && back.time === time;
  });
}

const allWeek: WorkingTimeProfile["week"] = Object.fromEntries(
  WEEKDAYS.map((day) => [day, [{ start: "00:00", end: "24:00" }]]),
);

describe("deliveryOn: properties", () => {
  it("delivers at the ritual's wall time on the person's own date, unless a DST gap skips it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
        fc.integer({ min: 0, max: 1439 }),
        (timeZone, day, minutes) => {
          const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
          const time = formatTimeOfDay(minutes);
          const ritual: RitualTiming = {
            schedule: { days: [...WEEKDAYS], localTime: time },
            windowHours: 24,
          };
          const delivery = deliveryOn({ timeZone, week: allWeek }, ritual, date);
          expect(delivery).not.toBeNull();
          const shown = wallClock(timeZone, delivery?.deliverAt ?? 0);
          if (wallTimeExists(timeZone, date, time)) {
            expect(shown).toEqual({ date, time });
          } else {
            // In a gap: moved forward by the gap (an hour in these five zones).
            const shift = Date.parse(`${shown.date}T${shown.time}:00Z`) - Date.parse(`${date}T${time}:00Z`);
            expect(shift).toBeGreaterThan(0);
            expect(shift).toBeLessThanOrEqual(3_600_000);
          }
          expect(delivery?.closesAt).toBe((delivery?.deliverAt ?? 0) + 24 * 3_600_000);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("moves every wall time inside a gap forward by the gap (the spring-forward days of 2026)", () => {
    const gaps = [
      { timeZone: "Europe/London", date: "2026-03-29", time: "01:30", shown: "02:30" },
      { timeZone: "America/New_York", date: "2026-03-08", time: "02:00", shown: "03:00" },
      { timeZone: "Australia/Sydney", date: "2026-10-04", time: "02:59", shown: "03:59" },
      { timeZone: "Pacific/Chatham", date: "2026-09-27", time: "02:45", shown: "03:45" },
    ];
    for (const gap of gaps) {
      expect(wallTimeExists(gap.timeZone, gap.date, gap.time)).toBe(false);
      const ritual: RitualTiming = {
        schedule: { days: [...WEEKDAYS], localTime: gap.time },
        windowHours: 24,
      };
      const delivery = deliveryOn({ timeZone: gap.timeZone, week: allWeek }, ritual, gap.date);
      expect(wallClock(gap.timeZone, delivery?.deliverAt ?? 0)).toEqual({ date: gap.date, time: gap.shown });
    }
  });
});
