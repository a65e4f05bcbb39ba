import { mkdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { desc, eq } from "drizzle-orm";
import type { Config } from "../../config";
import type { Clock } from "../../platform/clock";
import { migrate } from "../../platform/db/migrate";
import { openDatabase } from "../../platform/db/open";
import type { Database, Executor } from "../../platform/db/types";
import { BackupError, dumpBlob, type Manifest, packBackup, unpackBackup } from "./backup-file";
import { backups } from "./backups.table";
import { runningServer, SERVER_FILE } from "./server-file";
import { TANDEM_VERSION } from "./version";

/** Recordings are in the dump when they are kept in the data directory (STORAGE_URL=file:, the default). */
export const recordingsInDataDir = (config: Pick<Config, "storageUrl">) => config.storageUrl === "file:";

/** Dumps the open embedded database, packs it as a backup file and records it. */
export async function takeBackup(
  database: Database,
  config: Pick<Config, "storageUrl">,
  clock: Clock,
  via: "cli" | "server",
): Promise<{ file: Buffer; manifest: Manifest }> {
  if (!database.dumpDataDir)
    throw new BackupError("Only the embedded database is backed up by Tandem itself");
  const createdAt = clock.now();
  const dump = Buffer.from(await (await database.dumpDataDir()).arrayBuffer());
  const file = packBackup(dump, {
    tandemVersion: TANDEM_VERSION,
    createdAt,
    recordingsIncluded: recordingsInDataDir(config),
  });
  await recordBackup(database.db, { takenAt: createdAt, bytes: file.length, via });
  return { file, manifest: unpackBackup(file, "backup").manifest };
}

export async function recordBackup(
  db: Executor,
  backup: { takenAt: Date; bytes: number; via: "cli" | "server" | "restore" },
): Promise<void> {
  await db.insert(backups).values({ ...backup, databaseKind: "pglite", tandemVersion: TANDEM_VERSION });
}

export async function lastBackup(db: Executor) {
  const [row] = await db.select().from(backups).orderBy(desc(backups.takenAt)).limit(1);
  return row;
}

/** Whether the embedded data directory holds a database (so a command does not create an empty one). */
export async function holdsDatabase(dataDir: string): Promise<boolean> {
  return stat(join(dataDir, "PG_VERSION")).then(
    () => true,
    () => false,
  );
}

/**
 * Replaces the data directory with the backup's: loaded and migrated in a sibling directory, then
 * renamed into place; the old one is kept beside it as `<dir>.before-restore-<time>`.
 */
export async function restoreBackup(
  config: Pick<Config, "dataDir">,
  file: Buffer,
  path: string,
  now: Date,
): Promise<{ manifest: Manifest; keptAs: string | null }> {
  const dataDir = resolve(config.dataDir);
  const server = await runningServer(dataDir);
  if (server) {
    throw new BackupError(`Stop \`tandem serve\` before restoring: it is running as process ${server.pid}`);
  }
  const { manifest, dump } = unpackBackup(file, path);
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const staging = `${dataDir}.restoring-${stamp}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(dirname(staging), { recursive: true });
  try {
    await load(staging, dump, path);
    await rm(join(staging, SERVER_FILE), { force: true });
    const database = await openDatabase({ dataDir: staging });
    try {
      await migrate(database);
      const takenAt = new Date(manifest.createdAt);
      const known = await database.db.select().from(backups).where(eq(backups.takenAt, takenAt));
      if (known.length === 0)
        await recordBackup(database.db, { takenAt, bytes: file.length, via: "restore" });
    } finally {
      await database.close();
    }
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
  const exists = await stat(dataDir).then(
    () => true,
    () => false,
  );
  const keptAs = exists ? `${dataDir}.before-restore-${stamp}` : null;
  if (keptAs) await rename(dataDir, keptAs);
  try {
    await rename(staging, dataDir);
  } catch (err) {
    if (keptAs) await rename(keptAs, dataDir);
    throw err;
  }
  return { manifest, keptAs };
}

async function load(dir: string, dump: Buffer, path: string): Promise<void> {
  const blob = dumpBlob(dump, path);
  let client: PGlite | undefined;
  try {
    client = await PGlite.create({ dataDir: dir, loadDataDir: blob });
  } catch {
    throw new BackupError(
      `The file ${basename(path)} holds a database that does not open; nothing was changed`,
    );
  } finally {
    await client?.close().catch(() => undefined);
  }
}
