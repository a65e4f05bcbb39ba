import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runAvailabilityBench } from "./availability.bench";
import { runCheckinsBench } from "./checkins.bench";
import { runHealthzBench } from "./healthz.bench";
import { runIcsBench } from "./ics.bench";
import { runImportBench } from "./import.bench";
import { runInsightsBench } from "./insights.bench";
import { runInstancesBench } from "./instances.bench";
import type { BenchOutcome, BenchResult } from "./lib/measure";
import { runRecordingsBench } from "./recordings.bench";
import { runSearchBench } from "./search.bench";
import { runSlotBenches } from "./slots.bench";
import { runWebSizeBench } from "./web-size.bench";

/** `npm run bench`: every bench beside its baseline; a table, bench/results/latest.json, exit 1 on a missed target. */
const benches: (() => BenchOutcome | Promise<BenchOutcome>)[] = [
  runSlotBenches,
  runAvailabilityBench,
  runCheckinsBench,
  runIcsBench,
  runHealthzBench,
  runImportBench,
  runSearchBench,
  runInsightsBench,
  runRecordingsBench,
  runInstancesBench,
  runWebSizeBench,
];

function table(results: BenchResult[]): string {
  const rows = [
    ["name", "median ms", "baseline ms", "speedup"],
    ...results.map((r) => [r.name, r.median_ms.toFixed(3), r.baseline_median_ms.toFixed(3), `${r.speedup}×`]),
  ];
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? "").length))) ?? [];
  return rows.map((row) => row.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join("  ")).join("\n");
}

const outcomes: BenchOutcome[] = [];
for (const bench of benches) outcomes.push(await bench());
const results = outcomes.flatMap((o) => o.results);
const failures = outcomes.flatMap((o) => o.failures);
console.log(table(results));
console.log();
for (const result of results)
  console.log(`${result.name}: ${result.workload}\n  baseline: ${result.baseline}`);
for (const note of outcomes.flatMap((o) => o.notes)) console.log(`note: ${note}`);
console.log(
  `load average during the run: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);

const out = join(dirname(fileURLToPath(import.meta.url)), "results", "latest.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ benchmarks: results }, null, 2)}\n`);
console.log(`wrote ${out}`);

if (failures.length > 0) {
  for (const failure of failures) console.error(`FAIL ${failure}`);
  process.exit(1);
}
console.log("all targets met");
