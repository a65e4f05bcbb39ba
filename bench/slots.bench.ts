import { findSlots, type Slot, type SlotQuery } from "../src/core/scheduling";
import { findSlotsNaive } from "./baseline/naive-slots";
import { type BenchOutcome, type BenchResult, measure, round } from "./lib/measure";
import { slotWorkload } from "./lib/slot-workload";

interface Case {
  name: string;
  workload: string;
  query: SlotQuery;
  /** Timed runs of the baseline (it is slow on the largest workload). */
  baselineRuns: number;
  /** Compare with the kinder baseline that stops at the first required conflict (reported, no target). */
  earlyExit?: boolean;
  maxMs: number;
  minSpeedup?: number;
  minSlots: number;
}

const sameSlots = (a: Slot[], b: Slot[]) => JSON.stringify(a) === JSON.stringify(b);

function cases(): Case[] {
  const small = slotWorkload({ seed: 20260316, people: 50, required: 10, from: "2026-03-16", days: 28 });
  const large = slotWorkload({ seed: 7, people: 500, required: 50, from: "2026-03-23", days: 14 });
  const density = (w: typeof small) =>
    `${w.eventsPerPersonDay.toFixed(1)} events (${w.busyPerPersonDay.toFixed(1)} merged busy intervals) per person-day`;
  const common =
    "8 zones incl. Asia/Kolkata and Pacific/Chatham, 30-min meeting, 15-min steps, top 10 an hour apart";
  return [
    {
      name: "slots: 50 attendees, 4 weeks",
      workload: `10 required + 40 optional, 2026-03-16 → 04-13 (EU, Sydney, Chatham clock changes), ${common}; ${density(small)}`,
      query: small.query,
      baselineRuns: 30,
      maxMs: 5,
      minSpeedup: 20,
      minSlots: 10,
    },
    {
      name: "slots: 50 attendees, 4 weeks (early-exit baseline)",
      workload: "as above; the baseline checks required attendees first and stops at the first conflict",
      query: small.query,
      baselineRuns: 30,
      earlyExit: true,
      maxMs: 5,
      minSlots: 10,
    },
    {
      name: "slots: 500 attendees, 2 weeks",
      workload: `50 required + 450 optional, 2026-03-23 → 04-06, working hours hard, ${common}; ${density(large)}`,
      query: large.query,
      baselineRuns: 30,
      maxMs: 50,
      minSlots: 0,
    },
    {
      name: "slots: 500 attendees, 2 weeks, outside hours allowed",
      workload: `as above with allowOutsideWorkingHours (the 50 required share no free working-hours slot), ${common}`,
      query: { ...large.query, allowOutsideWorkingHours: true },
      baselineRuns: 5,
      maxMs: 50,
      minSlots: 10,
    },
  ];
}

/** Slot finding against the naive per-candidate rescan, on seeded workloads built before timing. */
export function runSlotBenches(): BenchOutcome {
  const notes: string[] = [];
  const results: BenchResult[] = [];
  const failures: string[] = [];
  for (const c of cases()) {
    const ours = findSlots(c.query);
    const naiveOptions = { earlyExit: c.earlyExit ?? false };
    const naive = findSlotsNaive(c.query, naiveOptions);
    const candidates = findSlots({ ...c.query, limit: 1_000_000, spreadMinutes: 0 }).length;
    notes.push(`${c.name}: ${ours.length} slots returned from ${candidates} feasible candidates`);
    if (!sameSlots(ours, naive))
      failures.push(`${c.name}: the engine and the baseline disagree on the top slots`);
    if (ours.length < c.minSlots) failures.push(`${c.name}: ${ours.length} slots, expected ≥ ${c.minSlots}`);
    const timed = measure(() => findSlots(c.query), 5, 30);
    const warmups = c.baselineRuns >= 30 ? 5 : 1;
    const baseline = measure(() => findSlotsNaive(c.query, naiveOptions), warmups, c.baselineRuns);
    const speedup = baseline.medianMs / timed.medianMs;
    results.push({
      name: c.name,
      workload: c.workload,
      median_ms: round(timed.medianMs),
      baseline: `${c.earlyExit ? "naive with early exit" : "naive"}: every aligned start in the window, each attendee's sorted lists scanned from the start, same scoring (${warmups} warm-up${warmups === 1 ? "" : "s"}, median of ${c.baselineRuns})`,
      baseline_median_ms: round(baseline.medianMs),
      speedup: round(speedup, 1),
    });
    if (timed.medianMs > c.maxMs)
      failures.push(`${c.name}: median ${round(timed.medianMs)} ms > ${c.maxMs} ms`);
    if (c.minSpeedup && speedup < c.minSpeedup)
      failures.push(`${c.name}: speedup ${round(speedup, 1)}× < ${c.minSpeedup}×`);
  }
  return { results, notes, failures };
}
