import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { loadConfig } from "../src/server/config";
import { createSession } from "../src/server/modules/auth";
import { sessions } from "../src/server/modules/auth/auth.table";
import { createOrganisationWithOwner } from "../src/server/modules/setup";
import { sha256 } from "../src/server/platform/crypto";
import { startRuntime } from "../src/server/runtime";
import { icsWorkload } from "./lib/ics-workload";
import { type BenchOutcome, round } from "./lib/measure";

const EVENTS = 20_000;
const IDLE_SAMPLES = 300;
const TARGET_P99_MS = 100;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** Latency of one GET /healthz over a kept-alive connection, in ms. */
async function healthz(base: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${base}/healthz`);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`/healthz answered ${res.status}`);
  return performance.now() - started;
}

/** A real `tandem serve` runtime on a temporary PGlite, listening on 127.0.0.1, with a signed-in owner. */
async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-healthz-bench-"));
  const config = loadConfig({
    TANDEM_DATA_DIR: dataDir,
    PORT: "0",
    TANDEM_LOG_LEVEL: "silent",
    TANDEM_RATE_LIMIT: "1000000",
    // This bench measures the event loop, not the budget: a loaded machine must not time the import out.
    ICS_TIME_BUDGET_MS: "120000",
  });
  const runtime = await startRuntime(config, { logger: false });
  const address = runtime.app?.server.address();
  if (!address || typeof address === "string") throw new Error("the server is not listening");
  const { db } = runtime.deps;
  const { person } = await createOrganisationWithOwner(db, {
    organisation: { name: "Bench", timeZone: "Europe/London" },
    owner: {
      name: "Bench",
      email: "bench@example.test",
      password: "bench password 1",
      timeZone: "Europe/London",
    },
  });
  const { token } = await createSession(db, person, 1);
  const [session] = await db
    .select()
    .from(sessions)
    .where(eq(sessions.tokenHash, sha256(token)));
  if (!session) throw new Error("no session");
  return {
    base: `http://127.0.0.1:${address.port}`,
    importCalendar: (ics: string) =>
      fetch(`http://127.0.0.1:${address.port}/api/v1/people/${person.id}/calendars`, {
        method: "POST",
        headers: {
          cookie: `tandem_session=${token}`,
          "x-csrf-token": session.csrfToken,
          "content-type": "application/json",
        },
        body: JSON.stringify({ name: "Big", ics }),
      }),
    async stop() {
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** /healthz one after another for as long as `busy` is pending; the latencies, sorted. */
async function sampleWhile(base: string, busy: Promise<unknown>): Promise<number[]> {
  let pending = true;
  void busy.finally(() => {
    pending = false;
  });
  const times: number[] = [];
  while (pending) times.push(await healthz(base));
  return times.sort((a, b) => a - b);
}

/**
 * `/healthz` latency on a real server (HTTP over loopback) while a 20,000-event calendar is
 * imported through the API, against the same server idle. The import's parse and expansion run in
 * the worker pool; what remains on the event loop is the JSON body and the database write.
 */
export async function runHealthzBench(): Promise<BenchOutcome> {
  const server = await startServer();
  try {
    const ics = icsWorkload({ seed: 20_000, events: EVENTS, recurringShare: 0.1, around: Date.now() });
    for (let i = 0; i < 20; i++) await healthz(server.base);
    const idle: number[] = [];
    for (let i = 0; i < IDLE_SAMPLES; i++) idle.push(await healthz(server.base));
    idle.sort((a, b) => a - b);
    const started = performance.now();
    const imported = server.importCalendar(ics);
    const loaded = await sampleWhile(server.base, imported);
    const status = (await imported).status;
    const importMs = performance.now() - started;
    return outcome(idle, loaded, status, importMs, ics.length);
  } finally {
    await server.stop();
  }
}

function outcome(
  idle: number[],
  loaded: number[],
  status: number,
  importMs: number,
  bytes: number,
): BenchOutcome {
  const failures: string[] = [];
  if (status !== 201) failures.push(`healthz: the 20k-event import answered ${status}, not 201`);
  const p99 = percentile(loaded, 99);
  if (!(p99 <= TARGET_P99_MS)) {
    failures.push(`healthz: p99 ${round(p99, 1)} ms while importing; needs ≤ ${TARGET_P99_MS} ms`);
  }
  const workload = `${loaded.length} sequential GET /healthz over loopback while POST /calendars imports ${EVENTS} events (${(bytes / 1024 / 1024).toFixed(1)} MB, ${round(importMs)} ms, answered ${status})`;
  const baseline = `${idle.length} sequential GET /healthz on the same server, idle`;
  const row = (p: number) => ({
    name: `healthz: p${p} while a 20k-event import runs`,
    workload,
    median_ms: round(percentile(loaded, p), 2),
    baseline,
    baseline_median_ms: round(percentile(idle, p), 2),
    speedup: round(percentile(idle, p) / percentile(loaded, p), 2),
  });
  return {
    results: [row(50), row(99)],
    notes: [`healthz: slowest answer while importing ${round(loaded.at(-1) ?? Number.NaN, 1)} ms`],
    failures,
  };
}
