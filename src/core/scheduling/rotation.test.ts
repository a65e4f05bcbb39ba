import { describe, expect, it } from "vitest";
import { utc } from "../../../test/support/time";
import { type Instant, type Interval, instantToLocal, workingIntervals } from "../time";
import { classifySlot, inconveniencePoints } from "./inconvenience";
import { planRotation, type RotationAttendee, type RotationQuery } from "./rotation";

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
const day = [{ start: "09:00", end: "17:30" }];
const week = { mon: day, tue: day, wed: day, thu: day, fri: day };
/** Monday 2 March 2026: twelve weeks cross New York's (8 March) and London's (29 March) changes. */
const FROM = utc(2026, 3, 2);

function person(personId: string, timeZone: string, burden = 0): RotationAttendee {
  const working = workingIntervals({ timeZone, week }, { start: FROM - WEEK, end: FROM + 30 * WEEK });
  return { personId, timeZone, working, burden };
}
const trio = [
  person("london", "Europe/London"),
  person("kolkata", "Asia/Kolkata"),
  person("sf", "America/Los_Angeles"),
];
const query: RotationQuery = {
  attendees: trio,
  durationMinutes: 60,
  occurrences: 12,
  cadence: "weekly",
  from: FROM,
};

/** Burden per person when the meeting is at `startOf(week)` every week. */
function burdenOf(attendees: RotationAttendee[], startOf: (week: number) => Instant, weeks: number) {
  const totals = attendees.map(() => 0);
  for (let w = 0; w < weeks; w++) {
    const slot: Interval = { start: startOf(w), end: startOf(w) + HOUR };
    attendees.forEach((a, i) => {
      totals[i] = (totals[i] ?? 0) + inconveniencePoints(classifySlot(slot, a));
    });
  }
  return totals;
}

/** The best "same time every week" plan: same UTC hour, or the same wall-clock hour in London. */
function bestFixedMax(): number {
  let best = Number.POSITIVE_INFINITY;
  for (let h = 0; h < 24; h++) {
    const sameUtc = burdenOf(trio, (w) => FROM + w * WEEK + h * HOUR, 12);
    const londonOffset = (w: number) => instantToLocal("Europe/London", FROM + w * WEEK).offsetMs;
    const sameLondon = burdenOf(trio, (w) => FROM + w * WEEK + h * HOUR - londonOffset(w), 12);
    best = Math.min(best, Math.max(...sameUtc), Math.max(...sameLondon));
  }
  return best;
}

describe("planRotation", () => {
  const plan = planRotation(query);
  const maxBurden = Math.max(...Object.values(plan.burdenByPerson));

  it("plans one hour-aligned occurrence in each week's 24-hour cycle", () => {
    expect(plan.occurrences).toHaveLength(12);
    plan.occurrences.forEach((occurrence, w) => {
      expect(occurrence.end - occurrence.start).toBe(HOUR);
      expect(occurrence.start - (FROM + w * WEEK)).toBeGreaterThanOrEqual(0);
      expect(occurrence.start - (FROM + w * WEEK)).toBeLessThan(24 * HOUR);
      expect(occurrence.start % HOUR).toBe(0);
    });
  });

  it("lets no one carry every early or late occurrence (London, Kolkata, San Francisco)", () => {
    const earlyOrLate = plan.occurrences.map(
      (o) => new Set(o.burden.filter((b) => b.kind !== "outside").map((b) => b.personId)),
    );
    const inconvenient = earlyOrLate.filter((people) => people.size > 0).length;
    expect(inconvenient).toBeGreaterThan(0);
    for (const attendee of trio) {
      const carried = earlyOrLate.filter((people) => people.has(attendee.personId)).length;
      expect(carried).toBeLessThan(inconvenient);
    }
    const carriers = trio.filter((a) => earlyOrLate.some((people) => people.has(a.personId)));
    expect(carriers.length).toBeGreaterThan(1);
  });

  it("keeps the largest burden at or below the best fixed weekly time", () => {
    expect(maxBurden).toBeLessThanOrEqual(bestFixedMax());
    expect(maxBurden).toBeLessThan(12 * 3);
  });

  it("reports burden from each occurrence's own week, clock changes included", () => {
    const recomputed: Record<string, number> = { london: 0, kolkata: 0, sf: 0 };
    for (const occurrence of plan.occurrences) {
      for (const attendee of trio) {
        const inconvenience = classifySlot(occurrence, attendee);
        const kinds = occurrence.burden.filter((b) => b.personId === attendee.personId).map((b) => b.kind);
        expect(kinds).toEqual((["early", "late", "outside"] as const).filter((k) => inconvenience[k]));
        recomputed[attendee.personId] =
          (recomputed[attendee.personId] ?? 0) + inconveniencePoints(inconvenience);
      }
    }
    expect(plan.burdenByPerson).toEqual(recomputed);
  });

  it("is deterministic", () => {
    expect(planRotation(query)).toEqual(plan);
  });

  it("spares the person whose ledger burden is already high", () => {
    const pair = (londonBurden: number) =>
      planRotation({
        ...query,
        attendees: [person("london", "Europe/London", londonBurden), person("sydney", "Australia/Sydney")],
        occurrences: 4,
      }).burdenByPerson;
    const fresh = pair(0);
    expect(fresh.london).toBe(fresh.sydney);
    const loaded = pair(9);
    expect(loaded.london).toBeLessThan(loaded.sydney as number);
  });

  it("finds a convenient time when there is one", () => {
    const europe = [person("london", "Europe/London"), person("berlin", "Europe/Berlin")];
    const result = planRotation({ ...query, attendees: europe, occurrences: 6 });
    expect(result.burdenByPerson).toEqual({ london: 0, berlin: 0 });
  });

  it.each([
    { cadence: "daily" as "weekly" },
    { occurrences: 0 },
    { occurrences: 1.5 },
    { durationMinutes: 0 },
    { stepMinutes: 7 },
  ])("rejects %o", (bad) => {
    expect(() => planRotation({ ...query, ...bad })).toThrow(RangeError);
  });
});
