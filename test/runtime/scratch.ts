import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import "../support/provided";
import { openDatabase } from "../../src/server/platform/db/open";
import type { Database } from "../../src/server/platform/db/types";
import { adminQuery, withDatabase } from "../support/pg-admin";

/** A database of a test's own, as environment variables for Tandem, to open and remove afterwards. */
export interface Scratch {
  env: Record<string, string>;
  open(): Promise<Database>;
  remove(): Promise<void>;
}

/**
 * In the PostgreSQL leg a new, empty database on the run's server; otherwise a new, empty
 * embedded data directory. Either way Tandem creates and migrates it on first use.
 */
export async function scratchDatabase(label: string): Promise<Scratch> {
  const runUrl = inject("databaseUrl");
  if (runUrl) {
    const name = `tandem_${label}_${process.pid}`;
    await adminQuery(runUrl, `drop database if exists ${name} with (force)`);
    await adminQuery(runUrl, `create database ${name}`);
    const url = withDatabase(runUrl, name);
    return {
      env: { DATABASE_URL: url },
      open: () => openDatabase({ databaseUrl: url, dataDir: "", poolSize: 2 }),
      remove: () => adminQuery(runUrl, `drop database if exists ${name} with (force)`),
    };
  }
  const dir = await mkdtemp(join(tmpdir(), `tandem-${label}-`));
  const dataDir = join(dir, "data");
  return {
    env: { TANDEM_DATA_DIR: dataDir },
    open: () => openDatabase({ dataDir }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
