/**
 * Run in a fresh process by ics-memory.ts (`node --expose-gc --import tsx`): imports one calendar
 * file through the app's worker path (readIcs) and prints, as JSON, how much the process's
 * resident memory — main thread and worker together — grew at its peak.
 */
import { readFileSync } from "node:fs";
import type { Deps } from "../../src/server/deps";
import { readIcs } from "../../src/server/modules/calendars/calendars.import";
import { WorkerPool } from "../../src/server/platform/workers/pool";

const [file, zone = "Europe/London", nowText] = process.argv.slice(2);
if (!file) throw new Error("usage: ics-memory.probe.ts <file.ics> [zone] [now]");
const now = nowText ? Number(nowText) : Date.now();
const TINY =
  "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:warm\r\nDTSTART:20260101T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

// As a running server: a worker thread up (it compiled the reader on an earlier import), the app's heap limit.
const workers = new WorkerPool({ heapMb: 512, threads: 1 });
const config = { icsMaxBytes: 1024 * 1024 * 1024, icsTimeBudgetMs: 600_000 } as Deps["config"];
await readIcs({ config, workers }, TINY, zone, now);
(globalThis as { gc?: () => void }).gc?.();

const base = process.memoryUsage.rss();
let peak = base;
const sample = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 2);
const started = performance.now();
// The file as the server receives it: its bytes (the upload's or the fetched body), read after the baseline.
const read = await readIcs({ config, workers }, readFileSync(file), zone, now);
peak = Math.max(peak, process.memoryUsage.rss());
clearInterval(sample);
const ms = performance.now() - started;
await workers.close();
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
console.log(
  JSON.stringify({
    growthMb: mb(peak - base),
    ms: Math.round(ms),
    events: read.events,
    instances: read.instances,
    busy: read.busy.length,
    problems: read.problems.length,
  }),
);
