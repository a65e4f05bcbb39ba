import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { loadConfig } from "../src/server/config";
import { createApiToken } from "../src/server/modules/auth/auth.service";
import { createOrganisationWithOwner } from "../src/server/modules/setup";
import { startRuntime } from "../src/server/runtime";
import { type BenchOutcome, type BenchResult, round } from "./lib/measure";

const MB = 1024 * 1024;
const CHUNKS = 200;
const RUNS = 3;
const TARGET_MEMORY_MB = 64;
/** A naive server holds every chunk and then their concatenation: at least the recording's size. */
const BASELINE_MEMORY_FLOOR_MB = 200;
const SEEK = { start: 100_000_000, end: 101_048_575 };
const SEEK_RUNS = 21;
const WHOLE_RUNS = 3;

/** The 1 MB chunks of a 200 MB "recording": a real WebM header, then filler (one buffer, sent 199 times). */
function chunkBodies(): { first: Uint8Array<ArrayBuffer>; filler: Uint8Array<ArrayBuffer> } {
  const webm = readFileSync(new URL("../src/server/modules/demo/assets/walkthrough.webm", import.meta.url));
  const filler = new Uint8Array(MB);
  for (let i = 0; i < MB; i++) filler[i] = (i * 31 + (i >>> 9)) & 0xff;
  const first = filler.slice();
  first.set(webm.subarray(0, 4096));
  return { first, filler };
}

/** A full collection now and then, so each run starts from a settled heap (V8's `gc`, exposed at run time). */
const collect: () => void = (() => {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
})();

/**
 * What this process's JavaScript holds (server and client both live here): V8's heap plus the memory of
 * Buffers and ArrayBuffers, where request bodies live. RSS is no measure here: pages V8 freed after the
 * benches before this one go back to the system in the middle of a run, and it even shrinks.
 */
function held(): number {
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

/** The peak of `held()` above its level after a full collection, while `fn` runs (sampled every 10 ms). */
async function withPeakMemory<T>(fn: () => Promise<T>): Promise<{ ms: number; heldMb: number; value: T }> {
  // Two collections a moment apart: a Buffer's memory is released after the collection that finds it dead.
  collect();
  await new Promise((resolve) => setTimeout(resolve, 100));
  collect();
  const reference = held();
  let peak = reference;
  const timer = setInterval(() => {
    peak = Math.max(peak, held());
  }, 10);
  const started = performance.now();
  try {
    const value = await fn();
    const ms = performance.now() - started;
    peak = Math.max(peak, held());
    return { ms, heldMb: (peak - reference) / MB, value };
  } finally {
    clearInterval(timer);
  }
}

async function ok(res: Response, status: number, what: string): Promise<Response> {
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${await res.text()}`);
  return res;
}

/** A real `tandem serve` on a temporary PGlite with file storage, listening on 127.0.0.1, and an owner's API token. */
async function startTandem() {
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-recordings-bench-"));
  const config = loadConfig({
    TANDEM_DATA_DIR: dataDir,
    PORT: "0",
    TANDEM_LOG_LEVEL: "silent",
    TANDEM_RATE_LIMIT: "1000000",
    STORAGE_URL: "file:",
  });
  const runtime = await startRuntime(config, { logger: false });
  try {
    const address = runtime.app?.server.address();
    if (!address || typeof address === "string") throw new Error("the server is not listening");
    const { organisation, person } = await createOrganisationWithOwner(runtime.deps.db, {
      organisation: { name: "Bench", timeZone: "Europe/London" },
      owner: { name: "Bench", email: "bench@example.test", password: "bench password 1", timeZone: "UTC" },
    });
    const actor = {
      personId: person.id,
      organisationId: organisation.id,
      role: "owner",
      via: "cli",
    } as const;
    const { token } = await createApiToken(runtime.deps, actor, "bench");
    return {
      api: `http://127.0.0.1:${address.port}/api/v1`,
      auth: { authorization: `Bearer ${token}` },
      async stop() {
        await runtime.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

type Tandem = Awaited<ReturnType<typeof startTandem>>;
type Bodies = ReturnType<typeof chunkBodies>;

/** POST /recordings, the chunks one after another (as a recorder sends them), POST …/complete: the recording's id. */
async function uploadToTandem(t: Tandem, bodies: Bodies, chunks: number): Promise<string> {
  const json = { ...t.auth, "content-type": "application/json" };
  const created = await fetch(`${t.api}/recordings`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ mimeType: "video/webm", title: "Bench" }),
  });
  const { recording } = (await (await ok(created, 201, "POST /recordings")).json()) as {
    recording: { id: string };
  };
  for (let i = 0; i < chunks; i++) {
    const res = await fetch(`${t.api}/recordings/${recording.id}/chunks/${i}`, {
      method: "PUT",
      headers: { ...t.auth, "content-type": "application/octet-stream" },
      body: i === 0 ? bodies.first : bodies.filler,
    });
    await (await ok(res, 204, `PUT chunk ${i}`)).arrayBuffer();
  }
  const completed = await fetch(`${t.api}/recordings/${recording.id}/complete`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ chunks, durationMs: 600_000 }),
  });
  const done = (await (await ok(completed, 200, "complete")).json()) as { recording: { bytes: number } };
  if (done.recording.bytes < chunks * MB) throw new Error(`the video has ${done.recording.bytes} bytes`);
  return recording.id;
}

const bodyOf = async (request: IncomingMessage) => Buffer.concat(await request.toArray());

/** What a naive server does: every chunk kept in memory, joined at the end, then written as one file. */
async function startNaive() {
  const folder = mkdtempSync(join(tmpdir(), "tandem-recordings-naive-"));
  const uploads = new Map<string, Buffer[]>();
  const server: Server = createServer(async (request, response) => {
    const [, id, action, index] = (request.url ?? "").split("/");
    const body = await bodyOf(request);
    if (request.method === "PUT" && id && action === "chunks") {
      const chunks = uploads.get(id) ?? [];
      chunks[Number(index)] = body;
      uploads.set(id, chunks);
    } else if (request.method === "POST" && id && action === "complete") {
      await writeFile(join(folder, id), Buffer.concat(uploads.get(id) ?? []));
      uploads.delete(id);
    }
    response.writeHead(request.method === "PUT" ? 204 : 200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the naive server is not listening");
  let n = 0;
  return {
    async upload(bodies: Bodies, chunks: number) {
      const id = `r${n++}`;
      const base = `http://127.0.0.1:${address.port}/${id}`;
      for (let i = 0; i < chunks; i++) {
        const body = i === 0 ? bodies.first : bodies.filler;
        await (await fetch(`${base}/chunks/${i}`, { method: "PUT", body })).arrayBuffer();
      }
      await (await fetch(`${base}/complete`, { method: "POST" })).arrayBuffer();
      rmSync(join(folder, id), { force: true });
    },
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** One GET of the video (a range of it, or whole), its body read to the end and counted: the time in ms. */
async function getMedia(t: Tandem, id: string, range?: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${t.api}/recordings/${id}/media`, {
    headers: { ...t.auth, ...(range ? { range } : {}) },
  });
  await ok(res, range ? 206 : 200, "GET …/media");
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  let bytes = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.length;
  const ms = performance.now() - started;
  if (bytes !== Number(res.headers.get("content-length"))) throw new Error(`GET …/media sent ${bytes} bytes`);
  return ms;
}

/**
 * Recorded video (issue 14) over HTTP on a real server: a 200 MB recording uploaded in 1 MB chunks and
 * completed, its time and the memory the process holds against a naive server that buffers every chunk;
 * then a 1 MB range from the middle of the video against reading it whole.
 */
export async function runRecordingsBench(): Promise<BenchOutcome> {
  const bodies = chunkBodies();
  const tandem = await startTandem();
  try {
    await uploadToTandem(tandem, bodies, 8); // warm-up: routes, statements, the file store
    const ours: { ms: number; heldMb: number; value: string }[] = [];
    for (let run = 0; run < RUNS; run++)
      ours.push(await withPeakMemory(() => uploadToTandem(tandem, bodies, CHUNKS)));
    const id = ours.at(-1)?.value as string;
    const seek = await seekRow(tandem, id);
    // The naive server goes last, so what it held is never in the way of ours.
    const naive = await startNaive();
    const theirs: { ms: number; heldMb: number }[] = [];
    try {
      await naive.upload(bodies, 8);
      for (let run = 0; run < RUNS; run++)
        theirs.push(await withPeakMemory(() => naive.upload(bodies, CHUNKS)));
    } finally {
      await naive.stop();
    }
    return outcome(ours, theirs, seek);
  } finally {
    await tandem.stop();
  }
}

async function seekRow(t: Tandem, id: string): Promise<BenchResult> {
  const range = `bytes=${SEEK.start}-${SEEK.end}`;
  for (let i = 0; i < 3; i++) await getMedia(t, id, range);
  const ranged: number[] = [];
  for (let i = 0; i < SEEK_RUNS; i++) ranged.push(await getMedia(t, id, range));
  const whole: number[] = [];
  for (let i = 0; i < WHOLE_RUNS; i++) whole.push(await getMedia(t, id));
  const ms = median(ranged);
  const baselineMs = median(whole);
  return {
    name: "recordings: seek (range request of 1 MB in the middle of a 200 MB video)",
    workload: `GET /recordings/:id/media with Range: ${range} (206, body read), file storage, over loopback with an API token (median of ${SEEK_RUNS} after 3 warm-ups)`,
    median_ms: round(ms),
    baseline: `GET /recordings/:id/media without Range, the whole ${CHUNKS} MB read (median of ${WHOLE_RUNS})`,
    baseline_median_ms: round(baselineMs),
    speedup: round(baselineMs / ms, 1),
  };
}

function outcome(
  ours: { ms: number; heldMb: number }[],
  theirs: { ms: number; heldMb: number }[],
  seek: BenchResult,
): BenchOutcome {
  const ms = median(ours.map((r) => r.ms));
  const baselineMs = median(theirs.map((r) => r.ms));
  const heldMb = median(ours.map((r) => r.heldMb));
  const baselineHeldMb = median(theirs.map((r) => r.heldMb));
  const upload: BenchResult & Record<string, number | string> = {
    name: "recordings: 200 MB recording uploaded in 1 MB chunks",
    workload: `POST /recordings, ${CHUNKS} sequential PUT …/chunks/:i of 1 MB (the first a real WebM header), POST …/complete (the chunks joined into one file, its header given a duration) on a real server: PGlite, file storage, loopback, an API token; median of ${RUNS}; peak memory the process's JavaScript holds (heap + buffers; server and client) above its level before each run, sampled every 10 ms`,
    median_ms: round(ms),
    baseline: `the same requests to a bare node:http server that keeps every chunk in memory, concatenates them at the end and writes one file; median of ${RUNS}`,
    baseline_median_ms: round(baselineMs),
    speedup: round(baselineMs / ms, 2),
    mb_per_s: round((CHUNKS / ms) * 1000, 1),
    memory_growth_mb: round(heldMb, 1),
    baseline_mb_per_s: round((CHUNKS / baselineMs) * 1000, 1),
    baseline_memory_growth_mb: round(baselineHeldMb, 1),
  };
  const failures: string[] = [];
  const worst = Math.max(...ours.map((r) => r.heldMb));
  if (!(worst < TARGET_MEMORY_MB))
    failures.push(
      `recordings: memory held grew ${round(worst, 1)} MB during an upload; needs < ${TARGET_MEMORY_MB} MB`,
    );
  if (!(baselineHeldMb >= BASELINE_MEMORY_FLOOR_MB))
    failures.push(
      `recordings: the buffering baseline's memory grew only ${round(baselineHeldMb, 1)} MB (expected ≥ ${BASELINE_MEMORY_FLOOR_MB} MB): the sampling does not see memory`,
    );
  const each = (runs: { ms: number; heldMb: number }[]) =>
    runs.map((r) => `${round(r.ms, 0)} ms/+${round(r.heldMb, 0)} MB`).join(", ");
  return {
    results: [upload, seek],
    notes: [
      `recordings: upload runs ${each(ours)}; buffering baseline ${each(theirs)}`,
      "recordings: the upload's speedup is below 1 by nature (the bare server checks no token, writes no row and no chunk file); its target is memory",
    ],
    failures,
  };
}

if (process.argv[1]?.endsWith("recordings.bench.ts"))
  console.log(JSON.stringify(await runRecordingsBench(), null, 2));
