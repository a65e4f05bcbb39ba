import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../src/server/platform/db/open";
import { sharedRateLimitStore } from "../src/server/platform/http/rate-limit-store";
import {
  type MixResult,
  type MixTarget,
  mediansByOp,
  percentile,
  runMix,
  sessionFrom,
} from "../test/runtime/load-mix";
import { type Backend, startRoundRobinProxy } from "../test/runtime/round-robin-proxy";
import { freePort, type Spawned, tandem, waitUntilReady } from "../test/runtime/spawn";
import { freshDatabase } from "../test/support/pg-admin";
import { type BenchOutcome, round } from "./lib/measure";

const NAME = "instances";
const DURATION_MS = 15_000;
const WARM_UP_MS = 3_000;
const CONCURRENCY = 8;
const STORE_CALLS = 2_000;
const owner = { email: "bench@example.test", password: "bench password 1" };

const progress = (line: string) =>
  process.stderr.write(`[instances bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

/**
 * `npm run bench`: the several-instances test's mix (reads, updates, comments, webhook jobs, sign-ins
 * right and wrong) for 15 s at a fixed concurrency, against ONE `tandem serve` and then THREE on the
 * same database, each time behind the same round-robin proxy; requests per second and p99. Then the
 * shared rate limit's cost: its one statement per request, timed alone.
 */
export async function runInstancesBench(): Promise<BenchOutcome> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    return {
      results: [],
      notes: [`${NAME}: not run — it needs PostgreSQL; set TEST_DATABASE_URL=postgres://… to run it`],
      failures: [],
    };
  const storageDir = await mkdtemp(join(tmpdir(), "tandem-instances-bench-"));
  const started: Spawned[] = [];
  const receiver = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const scratch = await freshDatabase(adminUrl, `tandem_bench_instances_${process.pid}`);
  const databaseUrl = scratch.url;

  const startInstance = async (name: string): Promise<Backend> => {
    const port = await freePort();
    const instance = tandem(["serve"], {
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      PORT: String(port),
      STORAGE_URL: `file:${storageDir}`,
      TANDEM_TRUST_PROXY: "true",
      TANDEM_RATE_LIMIT: "1000000",
      TANDEM_ALLOW_PRIVATE_URLS: "true",
    });
    started.push(instance);
    await waitUntilReady(`http://127.0.0.1:${port}/readyz`, instance, 120_000);
    return { name, port, alive: true };
  };

  try {
    progress("starting one instance");
    const a = await startInstance("a");
    const one = await startRoundRobinProxy([a]);
    const setup = await fetch(`${one.url}/api/v1/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        organisation: { name: "Bench", timeZone: "Europe/London" },
        owner: { ...owner, name: "Bench", timeZone: "Europe/London" },
      }),
    });
    if (setup.status !== 201) throw new Error(`setup answered ${setup.status}`);
    const session = await sessionFrom(one.url, setup);
    const headers = {
      cookie: `tandem_session=${session.cookie}`,
      "x-csrf-token": session.csrf,
      "content-type": "application/json",
    };
    const port = (receiver.address() as AddressInfo).port;
    const webhook = await fetch(`${one.url}/api/v1/webhooks`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        url: `http://127.0.0.1:${port}/hook`,
        format: "signed",
        events: ["notification.test"],
      }),
    });
    const webhookId = ((await webhook.json()) as { webhook: { id: string } }).webhook.id;
    const seed = await fetch(`${one.url}/api/v1/updates`, {
      method: "POST",
      headers,
      body: JSON.stringify({ kind: "status", title: "Seed", body: "-", audience: { organisation: true } }),
    });
    const seedId = ((await seed.json()) as { update: { id: string } }).update.id;
    const target = (url: string): MixTarget => ({ url, session, owner, webhookId, updateIds: [seedId] });
    const measure = async (url: string, label: string): Promise<MixResult> => {
      await runMix(target(url), { durationMs: WARM_UP_MS, concurrency: CONCURRENCY, label: `${label}-warm` });
      return runMix(target(url), { durationMs: DURATION_MS, concurrency: CONCURRENCY, label });
    };

    progress(`one instance: ${DURATION_MS / 1000} s of the mix`);
    const single = await measure(one.url, "one");
    await one.close();

    progress("starting two more instances");
    const [b, c] = [await startInstance("b"), await startInstance("c")];
    const three = await startRoundRobinProxy([a, b, c]);
    progress(`three instances: ${DURATION_MS / 1000} s of the mix`);
    const spread = await measure(three.url, "three");
    await three.close();

    progress("the rate limit's statement alone");
    const store = await timeStore(databaseUrl);

    const rps = (r: MixResult) => r.requests / (DURATION_MS / 1000);
    const p99 = (r: MixResult) => percentile(r.latencies, 99);
    const unanswered = (r: MixResult) =>
      r.failures + [...r.statuses].filter(([s]) => s >= 500).reduce((n, [, count]) => n + count, 0);
    const workload =
      `the several-instances test's mix for ${DURATION_MS / 1000} s after ${WARM_UP_MS / 1000} s of warm-up, ` +
      `${CONCURRENCY} clients at once, through a round-robin node:http proxy, PostgreSQL on the same machine ` +
      `(${cpus().length} cores, shared by the instances, PostgreSQL, the proxy and the clients: three instances ` +
      "cannot scale linearly here; they show that spreading costs little, not what three machines give)";
    const row = (r: MixResult, instances: number) => ({
      name: `instances: p99 of the mix, ${instances === 1 ? "one instance" : "three instances"}`,
      workload: `${workload}; ${r.requests} requests, ${round(rps(r), 1)}/s, ${unanswered(r)} unanswered`,
      median_ms: round(p99(r), 1),
      baseline: "one instance behind the same proxy, same mix",
      baseline_median_ms: round(p99(single), 1),
      speedup: round(p99(single) / p99(r), 2),
      requests_per_s: round(rps(r), 1),
      baseline_requests_per_s: round(rps(single), 1),
    });
    const failures: string[] = [];
    for (const [label, r] of [
      ["one", single],
      ["three", spread],
    ] as const)
      if (unanswered(r) > 0) failures.push(`${NAME}: ${unanswered(r)} requests unanswered with ${label}`);
    return {
      results: [
        row(single, 1),
        row(spread, 3),
        {
          name: "instances: the shared rate limit's statement (one per request)",
          workload: `${STORE_CALLS} sequential upserts of rate_limits, one key per 100 calls, as the store sends them`,
          median_ms: round(store.upsertMs, 3),
          baseline: `${STORE_CALLS} sequential "select 1" on the same pool (one round trip)`,
          baseline_median_ms: round(store.roundTripMs, 3),
          speedup: round(store.roundTripMs / store.upsertMs, 2),
        },
      ],
      notes: [
        `${NAME}: one instance ${round(rps(single), 1)} requests/s, p99 ${round(p99(single), 1)} ms; ` +
          `three ${round(rps(spread), 1)} requests/s, p99 ${round(p99(spread), 1)} ms (${cpus().length} cores, ` +
          `load average ${loadavg()[0]?.toFixed(1)}); medians with one: ${mediansByOp(single)}; with three: ${mediansByOp(spread)}`,
      ],
      failures,
    };
  } finally {
    for (const instance of started) instance.child.kill("SIGKILL");
    await Promise.all(started.map((s) => s.exited));
    receiver.close();
    await scratch.drop();
    await rm(storageDir, { recursive: true, force: true });
  }
}

/** Median ms of the store's upsert and of a bare round trip, each called STORE_CALLS times in a row. */
async function timeStore(url: string): Promise<{ upsertMs: number; roundTripMs: number }> {
  const database = await openDatabase({ databaseUrl: url, dataDir: "", poolSize: 2 });
  try {
    const { Store } = sharedRateLimitStore(database.db, () => Date.now());
    const store = new Store({}) as unknown as {
      incr(key: string, cb: (err: Error | null) => void, window: number, max: number): void;
    };
    const upsert = (i: number) =>
      new Promise<void>((resolve, reject) =>
        store.incr(
          `203.0.113.${i % 20}-${Math.floor(i / 100)}`,
          (err) => (err ? reject(err) : resolve()),
          60_000,
          1e6,
        ),
      );
    const timeEach = async (fn: (i: number) => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < STORE_CALLS; i++) {
        const t = performance.now();
        await fn(i);
        times.push(performance.now() - t);
      }
      return percentile(times, 50);
    };
    await timeEach(upsert); // warm-up
    const roundTripMs = await timeEach(() => database.ping());
    const upsertMs = await timeEach(upsert);
    return { upsertMs, roundTripMs };
  } finally {
    await database.close();
  }
}
