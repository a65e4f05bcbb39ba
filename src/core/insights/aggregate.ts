import type { Stat } from "../../contracts/insights";

/** Upper bounds of the weekly meeting-hours buckets: under 5, 5–10, 10–15, 15–20, 20 and over. */
export const MEETING_HOURS_BUCKETS = [5, 10, 15, 20] as const;

/** The p-th percentile (0–1) by linear interpolation, as PostgreSQL's `percentile_cont`; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  void values;
  void p;
  throw new Error("not built yet");
}
export const median = (values: readonly number[]) => percentile(values, 0.5);
/** Median and 75th percentile, rounded to 2 places. */
export function stat(values: readonly number[]): Stat {
  void values;
  throw new Error("not built yet");
}
/** Counts per bucket: values under bounds[0], under bounds[1], …, and at or above the last. */
export function distribution(values: readonly number[], bounds: readonly number[]): number[] {
  void values;
  void bounds;
  throw new Error("not built yet");
}
