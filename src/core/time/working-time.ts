import { DAY_MS, HOUR_MS, MINUTE_MS, parseTimeOfDay, weekdayOfEpochDay } from "./dates";
import {
  clipIntervals,
  containsInstant,
  intersectIntervals,
  mergeIntervals,
  subtractIntervals,
} from "./intervals";
import type { Instant, Interval, Weekday, WeekPattern, WorkingTimeProfile } from "./types";
import { ZoneSchedule } from "./zone-schedule";
import { wallClockToInstant } from "./zones";

interface MinuteSpan {
  start: number;
  end: number;
}

function compileWeek(week: WeekPattern): Record<Weekday, MinuteSpan[]> {
  const compiled: Record<Weekday, MinuteSpan[]> = {
    mon: [],
    tue: [],
    wed: [],
    thu: [],
    fri: [],
    sat: [],
    sun: [],
  };
  for (const day of Object.keys(compiled) as Weekday[]) {
    for (const interval of week[day] ?? []) {
      const start = parseTimeOfDay(interval.start);
      const end = parseTimeOfDay(interval.end, true);
      if (start === null || end === null) {
        throw new RangeError(`invalid working pattern span on ${day}: ${interval.start}–${interval.end}`);
      }
      if (end > start) compiled[day].push({ start, end });
    }
  }
  return compiled;
}

/**
 * A person's working time inside `window` as sorted, merged UTC intervals.
 * Each local day's pattern is wall-clock time in the zone in force that day (see `ZoneSchedule`),
 * converted with RFC 5545 disambiguation; `24:00` ends at the next local midnight; spans that meet
 * across midnight join into one interval; absences are subtracted.
 * Cost: O(days × spans) conversions through cached zone transitions.
 */
export function workingIntervals(person: WorkingTimeProfile, window: Interval): Interval[] {
  if (window.end <= window.start) return [];
  const week = compileWeek(person.week);
  const schedule = new ZoneSchedule(person.timeZone, person.zoneChanges);
  const firstDay = Math.floor(window.start / DAY_MS) - 1;
  const lastDay = Math.floor((window.end - 1) / DAY_MS) + 1;
  const spans: Interval[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const daySpans = week[weekdayOfEpochDay(day)];
    if (daySpans.length === 0) continue;
    const zone = schedule.zoneOnDay(day);
    const midnightWall = day * DAY_MS;
    for (const span of daySpans) {
      const start = wallClockToInstant(zone, midnightWall + span.start * MINUTE_MS);
      const end = wallClockToInstant(zone, midnightWall + span.end * MINUTE_MS);
      if (end > start && end > window.start && start < window.end) spans.push({ start, end });
    }
  }
  const working = clipIntervals(mergeIntervals(spans), window);
  if (!person.absences || person.absences.length === 0) return working;
  return subtractIntervals(working, mergeIntervals(person.absences));
}

/** Whether `instant` falls in the person's working time. */
export function isWorkingAt(person: WorkingTimeProfile, instant: Instant): boolean {
  return containsInstant(workingIntervals(person, { start: instant, end: instant + 1 }), instant);
}

/**
 * The instant by which `hours` of working time (from a normalised interval list) have elapsed,
 * counting from `from`; `from` itself when `hours` is 0; `null` when the list runs out first.
 */
export function addWorkingHours(working: readonly Interval[], from: Instant, hours: number): Instant | null {
  if (!Number.isFinite(hours) || hours < 0)
    throw new RangeError(`hours must be a finite number ≥ 0: ${hours}`);
  let remaining = Math.round(hours * HOUR_MS);
  if (remaining === 0) return from;
  for (const interval of working) {
    if (interval.end <= from) continue;
    const start = Math.max(interval.start, from);
    const available = interval.end - start;
    if (remaining <= available) return start + remaining;
    remaining -= available;
  }
  return null;
}

/** Time when everyone in `lists` works (each list normalised); empty for no lists. */
export function sharedWorkingTime(lists: readonly (readonly Interval[])[]): Interval[] {
  const [first, ...rest] = lists;
  if (!first) return [];
  let shared = mergeIntervals(first);
  for (const list of rest) {
    if (shared.length === 0) break;
    shared = intersectIntervals(shared, list);
  }
  return shared;
}
