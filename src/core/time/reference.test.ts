import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { DAY_MS, epochDayToDate, formatTimeOfDay, weekdayOfEpochDay } from "./dates";
import { mergeIntervals } from "./intervals";
import type { Interval, WeekPattern, WorkingTimeProfile } from "./types";
import { WEEKDAYS } from "./types";
import { workingIntervals } from "./working-time";
import { instantToLocal, offsetAt, wallClockToInstant } from "./zones";

/**
 * Seeded randomised comparison of the transition-based engine with plain per-value Temporal
 * conversions (Temporal's "compatible" disambiguation is RFC 5545's rule). fast-check is not a
 * dependency, so a small deterministic generator stands in for it.
 */

const ZONES = [
  "Europe/London",
  "America/New_York",
  "Australia/Sydney",
  "Pacific/Chatham",
  "Asia/Kolkata",
  "Australia/Lord_Howe",
  "America/St_Johns",
  "Asia/Kathmandu",
  "America/Sao_Paulo",
  "Africa/Casablanca",
  "Asia/Tehran",
  "Pacific/Apia",
  "UTC",
];
const FROM = Date.UTC(2010, 0, 1);
const TO = Date.UTC(2032, 0, 1);

function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  return { int, pick };
}

function referenceWorking(person: WorkingTimeProfile, window: Interval): Interval[] {
  const { week } = person;
  const spans: Interval[] = [];
  const zoneOn = (date: string) =>
    [...(person.zoneChanges ?? [])]
      .sort((a, b) => a.from.localeCompare(b.from))
      .filter((change) => change.from <= date)
      .reduce((_, change) => change.timeZone, person.timeZone);
  const toInstant = (epochDay: number, minutes: number, timeZone = zoneOn(epochDayToDate(epochDay))) =>
    Temporal.PlainDate.from(epochDayToDate(epochDay + Math.floor(minutes / 1440)))
      .toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(formatTimeOfDay(minutes % 1440)) })
      .toInstant().epochMilliseconds;
  for (let day = Math.floor(window.start / DAY_MS) - 1; day <= Math.floor(window.end / DAY_MS) + 1; day++) {
    for (const span of week[weekdayOfEpochDay(day)] ?? []) {
      const [sh, sm] = span.start.split(":").map(Number) as [number, number];
      const [eh, em] = span.end.split(":").map(Number) as [number, number];
      const zone = zoneOn(epochDayToDate(day));
      spans.push({ start: toInstant(day, sh * 60 + sm, zone), end: toInstant(day, eh * 60 + em, zone) });
    }
  }
  const clipped = spans.map((s) => ({
    start: Math.max(s.start, window.start),
    end: Math.min(s.end, window.end),
  }));
  return mergeIntervals(clipped);
}

function randomWeek(rng: ReturnType<typeof generator>): WeekPattern {
  const week: WeekPattern = {};
  for (const day of WEEKDAYS) {
    const bounds = new Set<number>();
    const count = rng.int(0, 3) * 2;
    while (bounds.size < count) bounds.add(rng.int(0, 96) * 15);
    const sorted = [...bounds].sort((a, b) => a - b);
    const spans = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      spans.push({
        start: formatTimeOfDay(sorted[i] as number),
        end: formatTimeOfDay(sorted[i + 1] as number),
      });
    }
    if (spans.length > 0) week[day] = spans;
  }
  return week;
}

describe("engine agrees with Temporal", () => {
  it("on offsets and local fields of random instants", () => {
    const rng = generator(1);
    for (let i = 0; i < 400; i++) {
      const zone = rng.pick(ZONES);
      const instant = FROM + rng.int(0, (TO - FROM) / 60_000) * 60_000;
      const zoned = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone);
      expect(offsetAt(zone, instant), `${zone} ${instant}`).toBe(zoned.offsetNanoseconds / 1e6);
      const local = instantToLocal(zone, instant);
      expect(local.date).toBe(zoned.toPlainDate().toString());
      expect(local.minutes).toBe(zoned.hour * 60 + zoned.minute);
    }
  });

  it("on wall times near transitions (gaps forward, repeats first)", () => {
    const rng = generator(2);
    for (let i = 0; i < 300; i++) {
      const zone = rng.pick(ZONES);
      const near = Temporal.Instant.fromEpochMilliseconds(FROM + rng.int(0, (TO - FROM) / DAY_MS) * DAY_MS)
        .toZonedDateTimeISO(zone)
        .getTimeZoneTransition("next");
      const base = near ? near.epochMilliseconds + near.offsetNanoseconds / 1e6 : FROM;
      const wall = base + rng.int(-150, 150) * 60_000;
      const plain = Temporal.Instant.fromEpochMilliseconds(wall).toZonedDateTimeISO("UTC").toPlainDateTime();
      const expected = plain.toZonedDateTime(zone, { disambiguation: "compatible" }).epochMilliseconds;
      expect(wallClockToInstant(zone, wall), `${zone} ${plain.toString()}`).toBe(expected);
    }
  });

  it("on working intervals of random patterns, zone changes and windows", () => {
    const rng = generator(3);
    for (let i = 0; i < 80; i++) {
      const zone = rng.pick(ZONES);
      const week = randomWeek(rng);
      const start = FROM + rng.int(0, (TO - FROM) / 3_600_000) * 3_600_000;
      const window = { start, end: start + rng.int(1, 24 * 21) * 3_600_000 };
      const zoneChanges = Array.from({ length: rng.int(0, 2) }, () => ({
        from: epochDayToDate(Math.floor(start / DAY_MS) + rng.int(-2, 22)),
        timeZone: rng.pick(ZONES),
      }));
      const person = { timeZone: zone, week, zoneChanges };
      const label = `${JSON.stringify(person)} ${new Date(start).toISOString()}`;
      expect(workingIntervals(person, window), label).toEqual(referenceWorking(person, window));
    }
  });
});
