import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utc } from "../../../test/support/time";
import { DAY_MS, formatTimeOfDay, instantToLocal, MINUTE_MS, WEEKDAYS, type WeekPattern } from "../time";
import { deliveryTime } from "./delivery";
import { nextDigestAt } from "./digest";
import { isInsideHours, type NotificationHours } from "./hours";

const ZONES = [
  "UTC",
  "Asia/Tokyo",
  "America/New_York",
  "Asia/Kolkata",
  "Pacific/Chatham",
  "Europe/London",
  "Australia/Lord_Howe",
];
const YEAR_2026 = { min: utc(2026, 1, 1), max: utc(2027, 1, 1) };
const quarterHour = (max: number) =>
  fc.integer({ min: 0, max: max / 15 }).map((q) => formatTimeOfDay(q * 15));

const span = fc
  .tuple(fc.integer({ min: 0, max: 94 }), fc.integer({ min: 1, max: 40 }))
  .map(([start, length]) => ({
    start: formatTimeOfDay(start * 15),
    end: formatTimeOfDay(Math.min(96, start + length) * 15),
  }));
const week: fc.Arbitrary<WeekPattern> = fc
  .tuple(...WEEKDAYS.map(() => fc.array(span, { maxLength: 2 })))
  .map((days) => Object.fromEntries(WEEKDAYS.map((day, i) => [day, days[i]])));
const hours: fc.Arbitrary<NotificationHours> = fc.oneof(
  fc.constant("working_hours" as const),
  fc.record({ start: quarterHour(1425), end: quarterHour(1440) }),
);
const absence = fc
  .tuple(fc.integer(YEAR_2026), fc.integer({ min: 1, max: 20 * DAY_MS }))
  .map(([start, length]) => ({ start, end: start + length }));
const person = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  week,
  zoneChanges: fc.array(
    fc.record({
      from: fc
        .integer({ min: 0, max: 364 })
        .map((d) => new Date(YEAR_2026.min + d * DAY_MS).toISOString().slice(0, 10)),
      timeZone: fc.constantFrom(...ZONES),
    }),
    { maxLength: 2 },
  ),
  absences: fc.array(absence, { maxLength: 3 }),
});

describe("deliveryTime: properties", () => {
  it("delivers no earlier than now, at the first instant inside the hours (or now, when urgent or hourless)", () => {
    fc.assert(
      fc.property(fc.integer(YEAR_2026), fc.boolean(), hours, person, (now, urgent, h, p) => {
        const result = deliveryTime({ now, urgent, hours: h, person: p });
        const insideNow = isInsideHours({ at: now, hours: h, person: p });
        expect(result.outsideHours).toBe(!insideNow);
        if (urgent || insideNow) {
          expect(result.deliverAt).toBe(now);
          return;
        }
        // An explicit window comes every day, and these absences are shorter than the horizon.
        if (h === "working_hours" && result.deliverAt === now) return; // no hours at all: never held back
        expect(result.deliverAt).toBeGreaterThan(now);
        expect(isInsideHours({ at: result.deliverAt, hours: h, person: p })).toBe(true);
        expect(isInsideHours({ at: result.deliverAt - 1, hours: h, person: p })).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("says afterAbsence only when there is an absence and waiting without it would be shorter", () => {
    fc.assert(
      fc.property(fc.integer(YEAR_2026), hours, person, (now, h, p) => {
        const result = deliveryTime({ now, urgent: false, hours: h, person: p });
        const without = deliveryTime({ now, urgent: false, hours: h, person: { ...p, absences: [] } });
        expect(result.deliverAt).toBeGreaterThanOrEqual(without.deliverAt);
        if (result.afterAbsence) expect(without.deliverAt).toBeLessThan(result.deliverAt);
      }),
      { numRuns: 200 },
    );
  });
});

describe("nextDigestAt: properties", () => {
  it("is within a day after `after` and shows the chosen time on the wall clock, unless the clocks skip it", () => {
    fc.assert(
      fc.property(
        fc.integer(YEAR_2026),
        quarterHour(1425),
        fc.constantFrom(...ZONES),
        (after, time, zone) => {
          const at = nextDigestAt({ after, localTime: time, person: { timeZone: zone } });
          expect(at).toBeGreaterThan(after);
          expect(at - after).toBeLessThanOrEqual(DAY_MS + 60 * MINUTE_MS);
          const shown = instantToLocal(zone, at);
          if (formatTimeOfDay(shown.minutes) !== time) {
            // Skipped: `at` is a transition, and a minute earlier the clock was before `time`.
            expect(instantToLocal(zone, at - MINUTE_MS).offsetMs).not.toBe(shown.offsetMs);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
