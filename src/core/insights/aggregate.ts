import type { Stat } from "../../contracts/insights";

/** Upper bounds of the weekly meeting-hours buckets: under 5, 5–10, 10–15, 15–20, 20 and over. */
export const MEETING_HOURS_BUCKETS = [5, 10, 15, 20] as const;

/** The p-th percentile (0–1) by linear interpolation, as PostgreSQL's `percentile_cont`; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile must be between 0 and 1: ${p}`);
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lower + (upper - lower) * (position - below);
}
export const median = (values: readonly number[]) => percentile(values, 0.5);
/** Median and 75th percentile, rounded to 2 places (NaN for no values: callers show no figures then). */
export function stat(values: readonly number[]): Stat {
  return { median: round2(percentile(values, 0.5)), p75: round2(percentile(values, 0.75)) };
}
/** Counts per bucket: values under bounds[0], under bounds[1], …, and at or above the last. */
export function distribution(values: readonly number[], bounds: readonly number[]): number[] {
  const counts = new Array<number>(bounds.length + 1).fill(0);
  for (const value of values) {
    let bucket = 0;
    while (bucket < bounds.length && value >= (bounds[bucket] as number)) bucket++;
    counts[bucket] = (counts[bucket] as number) + 1;
  }
  return counts;
}

/** Rounded to 2 places. */
export const round2 = (value: number): number => Math.round(value * 100) / 100;
