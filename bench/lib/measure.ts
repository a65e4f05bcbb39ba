import { performance } from "node:perf_hooks";

export interface Timing {
  medianMs: number;
  runs: number;
}

/** Runs `fn` `warmups` times untimed, then `runs` times timed; returns the median wall time. */
export function measure(fn: () => unknown, warmups: number, runs: number): Timing {
  for (let i = 0; i < warmups; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const medianMs =
    times.length % 2 ? (times[mid] as number) : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
  return { medianMs, runs };
}

/** One row of bench/results/latest.json. */
export interface BenchResult {
  name: string;
  workload: string;
  median_ms: number;
  baseline: string;
  baseline_median_ms: number;
  speedup: number;
  /** Throughput of a reader, for the entries that measure one (MB of text per second). */
  mb_per_s?: number;
}

/** A bench's rows plus the targets it missed (each makes `npm run bench` fail). */
export interface BenchOutcome {
  results: BenchResult[];
  notes: string[];
  failures: string[];
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
