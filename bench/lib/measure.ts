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
  return { medianMs: median(times), runs };
}

/**
 * Medians of two operations timed in turn — one run of `a`, one of `b`, again and again, which
 * goes first alternating — so that both meet the same machine: on a shared host the speed drifts by
 * half over seconds, and each run leaves garbage for whichever runs next to collect.
 */
export async function measurePair(
  a: () => unknown,
  b: () => unknown,
  warmups: number,
  runs: number,
): Promise<{ aMs: number; bMs: number }> {
  const times = { a: [] as number[], b: [] as number[] };
  const timed = async (which: "a" | "b", fn: () => unknown, keep: boolean) => {
    const started = performance.now();
    await fn();
    if (keep) times[which].push(performance.now() - started);
  };
  for (let i = 0; i < warmups + runs; i++) {
    const keep = i >= warmups;
    if (i % 2 === 0) {
      await timed("a", a, keep);
      await timed("b", b, keep);
    } else {
      await timed("b", b, keep);
      await timed("a", a, keep);
    }
  }
  return { aMs: median(times.a), bMs: median(times.b) };
}

export function median(times: number[]): number {
  times.sort((x, y) => x - y);
  const mid = times.length >> 1;
  return times.length % 2
    ? (times[mid] as number)
    : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
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
