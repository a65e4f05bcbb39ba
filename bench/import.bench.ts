import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadConfig } from "../src/server/config";
import type { Deps } from "../src/server/deps";
import { JOBS } from "../src/server/modules";
import { importPeople, invitePerson } from "../src/server/modules/onboarding";
import { createOrganisationWithOwner } from "../src/server/modules/setup";
import { systemClock } from "../src/server/platform/clock";
import { migrate } from "../src/server/platform/db/migrate";
import { openDatabase } from "../src/server/platform/db/open";
import { LiveEvents } from "../src/server/platform/events/live-events";
import type { Actor } from "../src/server/platform/http/actor";
import { Jobs } from "../src/server/platform/jobs";
import { fileStorage } from "../src/server/platform/storage/file-storage";
import { WorkerPool } from "../src/server/platform/workers/pool";
import { type BenchOutcome, round } from "./lib/measure";

const ROWS = 5_000;
/** The per-row path is timed on a slice and scaled: 5,000 of its rows would take minutes. */
const BASELINE_ROWS = 250;
const TARGET_MS = 10_000;
const TEAMS = ["Platform", "Design", "Support", "Sales", ""];
const ZONES = ["Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "UTC"];

function peopleCsv(rows: number, tag: string): string {
  const lines = ["name,email,role,timeZone,team"];
  for (let i = 0; i < rows; i++) {
    lines.push(`Person ${i},p${i}@${tag}.bench,member,${ZONES[i % ZONES.length]},${TEAMS[i % TEAMS.length]}`);
  }
  return `${lines.join("\n")}\n`;
}

/** A fresh PGlite (temp dir) with pg-boss started (no workers) and one organisation per call. */
async function benchDeps() {
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-import-bench-"));
  const database = await openDatabase({ dataDir });
  await migrate(database);
  const jobs = await Jobs.start(database, JOBS);
  const config = loadConfig({ TANDEM_DATA_DIR: dataDir, TANDEM_LOG_LEVEL: "silent" });
  const workers = new WorkerPool({ heapMb: config.workerHeapMb });
  const events = await LiveEvents.start(database);
  const deps: Deps = {
    config,
    database,
    db: database.db,
    jobs,
    mailer: undefined,
    workers,
    events,
    clock: systemClock,
    storage: fileStorage(join(dataDir, "storage")),
  };
  let orgs = 0;
  const newOrg = async (): Promise<Actor> => {
    const n = orgs++;
    const { organisation, person } = await createOrganisationWithOwner(database.db, {
      organisation: { name: `Bench ${n}`, timeZone: "Europe/London" },
      owner: { name: "Owner", email: `owner${n}@bench.test`, password: "bench password 1", timeZone: "UTC" },
    });
    return { personId: person.id, organisationId: organisation.id, role: "owner", via: "cli" };
  };
  const close = async () => {
    await jobs.stop();
    await workers.close();
    await events.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { deps, newOrg, close };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/**
 * People import: 5,000 CSV rows (each a person, a team membership, an invitation, its email and
 * send job, two audit rows) through `importPeople`, against the per-row path it replaced —
 * `invitePerson` once per row, each its own round trips — timed on 250 rows and scaled.
 */
export async function runImportBench(): Promise<BenchOutcome> {
  const { deps, newOrg, close } = await benchDeps();
  try {
    await importPeople(deps, await newOrg(), peopleCsv(300, "warmup"));
    const bulk = await timed(async () => importPeople(deps, await newOrg(), peopleCsv(ROWS, "bulk")));
    const actor = await newOrg();
    const perRow = await timed(async () => {
      for (let i = 0; i < BASELINE_ROWS; i++) {
        const zone = ZONES[i % ZONES.length] as string;
        await invitePerson(deps, actor, {
          name: `P ${i}`,
          email: `p${i}@row.bench`,
          role: "member",
          timeZone: zone,
        });
      }
    });
    const baseline = (perRow / BASELINE_ROWS) * ROWS;
    const failures =
      bulk > TARGET_MS ? [`import: ${ROWS} rows took ${round(bulk, 0)} ms; needs ≤ ${TARGET_MS} ms`] : [];
    return {
      results: [
        {
          name: "import: 5k people from CSV",
          workload: `${ROWS} rows (5 zones, 4 teams), PGlite in a temp dir: people, memberships, invitations, emails + send jobs, audit rows, one transaction`,
          median_ms: round(bulk),
          baseline: `invitePerson once per row (the per-row path), ${BASELINE_ROWS} rows timed and scaled to ${ROWS}; one run each`,
          baseline_median_ms: round(baseline),
          speedup: round(baseline / bulk, 1),
        },
      ],
      notes: [
        `import: ${Math.round((ROWS / bulk) * 1000)} rows/s bulk, ${Math.round((BASELINE_ROWS / perRow) * 1000)} rows/s per row`,
      ],
      failures,
    };
  } finally {
    await close();
  }
}

if (process.argv[1]?.endsWith("import.bench.ts"))
  console.log(JSON.stringify(await runImportBench(), null, 2));
