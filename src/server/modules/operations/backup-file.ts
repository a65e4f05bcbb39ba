import { createHash } from "node:crypto";
import { basename } from "node:path";
import { gunzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { readTar, TarError, writeTar } from "./tar";

/**
 * A backup file: a tar of `manifest.json` (format, Tandem version, when, which database, checksums)
 * and `database.tar.gz` (PGlite's dump of the data directory, which holds the recordings too when
 * they are kept there, as they are by default).
 */
export const BACKUP_FORMAT = "tandem-backup";
export const FORMAT_VERSION = 1;
const DATABASE_ENTRY = "database.tar.gz";

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  tandemVersion: string;
  createdAt: string;
  database: "pglite";
  /** Whether the recordings are inside the dump (STORAGE_URL=file:, the default), or kept elsewhere. */
  recordings: "included" | "kept elsewhere";
  files: Record<string, { bytes: number; sha256: string }>;
}

/** What the person at the terminal is told: one sentence, no stack. */
export class BackupError extends Error {}

export function packBackup(
  dump: Buffer,
  about: { tandemVersion: string; createdAt: Date; recordingsIncluded: boolean },
): Buffer {
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    formatVersion: FORMAT_VERSION,
    tandemVersion: about.tandemVersion,
    createdAt: about.createdAt.toISOString(),
    database: "pglite",
    recordings: about.recordingsIncluded ? "included" : "kept elsewhere",
    files: { [DATABASE_ENTRY]: { bytes: dump.length, sha256: sha256(dump) } },
  };
  const manifestEntry = {
    name: "manifest.json",
    data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
  };
  return writeTar([manifestEntry, { name: DATABASE_ENTRY, data: dump }], about.createdAt);
}

/** Reads and checks a backup file's structure and checksums; throws a `BackupError` naming the file. */
export function unpackBackup(file: Buffer, path: string): { manifest: Manifest; dump: Buffer } {
  const name = basename(path);
  const notBackup = new BackupError(`The file ${name} is not a Tandem backup`);
  let entries: ReturnType<typeof readTar>;
  try {
    entries = readTar(file);
  } catch (err) {
    if (!(err instanceof TarError)) throw err;
    // A damaged archive that still starts with a manifest was a backup once.
    if (file.subarray(0, 13).toString("latin1") !== "manifest.json") throw notBackup;
    throw new BackupError(`The file ${name} is damaged or incomplete (${err.message}); take a new backup`);
  }
  const manifest = parseManifest(entries.find((e) => e.name === "manifest.json")?.data);
  if (!manifest) throw notBackup;
  if (manifest.formatVersion > FORMAT_VERSION) {
    throw new BackupError(
      `The file ${name} is a backup of a newer format (${manifest.formatVersion}) than this Tandem reads (${FORMAT_VERSION}); upgrade Tandem first`,
    );
  }
  const dump = entries.find((e) => e.name === DATABASE_ENTRY)?.data;
  const expected = manifest.files[DATABASE_ENTRY];
  if (!dump || !expected) throw new BackupError(`The file ${name} holds no database`);
  if (dump.length !== expected.bytes || sha256(dump) !== expected.sha256) {
    throw new BackupError(
      `The file ${name} is damaged: its database does not match the checksum it was saved with`,
    );
  }
  return { manifest, dump };
}

/** Loads a dump into a PGlite in memory, away from the live data, and counts what it holds. */
export async function inspectDump(
  dump: Buffer,
  path: string,
): Promise<{ tables: number; organisations: number }> {
  const blob = dumpBlob(dump, path);
  let client: PGlite | undefined;
  try {
    client = await PGlite.create({ loadDataDir: blob });
    const tables = await client.query<{ n: number }>(
      "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
    );
    const orgs = await client.query<{ n: number }>("select count(*)::int as n from organisations");
    return { tables: tables.rows[0]?.n ?? 0, organisations: orgs.rows[0]?.n ?? 0 };
  } catch {
    throw new BackupError(
      `The file ${basename(path)} holds a database that does not open; take a new backup`,
    );
  } finally {
    await client?.close().catch(() => undefined);
  }
}

/**
 * The dump as PGlite loads it: unzipped here first, since a damaged gzip stream fails inside PGlite
 * as an unhandled error rather than a rejection we can explain.
 */
export function dumpBlob(dump: Buffer, path: string): Blob {
  let tar: Buffer;
  try {
    tar = gunzipSync(dump);
  } catch {
    throw new BackupError(
      `The file ${basename(path)} holds a database that does not open; take a new backup`,
    );
  }
  return new Blob([new Uint8Array(tar)], { type: "application/x-tar" });
}

function parseManifest(data: Buffer | undefined): Manifest | undefined {
  if (!data) return undefined;
  try {
    const parsed = JSON.parse(data.toString("utf8")) as Partial<Manifest>;
    if (parsed.format !== BACKUP_FORMAT || typeof parsed.formatVersion !== "number" || !parsed.files)
      return undefined;
    return parsed as Manifest;
  } catch {
    return undefined;
  }
}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
