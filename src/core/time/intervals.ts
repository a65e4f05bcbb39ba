import type { Interval } from "./types";

/**
 * Algebra on lists of half-open intervals. "Normalised" lists are sorted by start, hold no empty
 * intervals, and no two intervals overlap or touch. Every function here returns a normalised list;
 * all but `mergeIntervals` require normalised inputs and run in one linear sweep.
 */

/** Sorts, drops empty intervals, and joins overlapping or touching ones. Does not modify its input. */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) {
      if (interval.end > last.end) last.end = interval.end;
    } else {
      merged.push({ start: interval.start, end: interval.end });
    }
  }
  return merged;
}

/** Time in both `a` and `b`. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) result.push({ start, end });
    if (x.end <= y.end) i++;
    else j++;
  }
  return result;
}

/** Time in `a` but not in `b`. */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let j = 0;
  for (const x of a) {
    let start = x.start;
    while (j < b.length && (b[j] as Interval).end <= start) j++;
    let k = j;
    while (k < b.length && (b[k] as Interval).start < x.end) {
      const y = b[k] as Interval;
      if (y.start > start) result.push({ start, end: y.start });
      start = Math.max(start, y.end);
      k++;
    }
    if (x.end > start) result.push({ start, end: x.end });
  }
  return result;
}

/** Sum of the lengths, in milliseconds. */
export function totalDuration(list: readonly Interval[]): number {
  let total = 0;
  for (const interval of list) total += interval.end - interval.start;
  return total;
}

/** The parts of `list` inside `window`. */
export function clipIntervals(list: readonly Interval[], window: Interval): Interval[] {
  return intersectIntervals(list, window.end > window.start ? [window] : []);
}

/** Whether `instant` lies inside one of the intervals (binary search). */
export function containsInstant(list: readonly Interval[], instant: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const interval = list[mid] as Interval;
    if (instant < interval.start) hi = mid - 1;
    else if (instant >= interval.end) lo = mid + 1;
    else return true;
  }
  return false;
}
