import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import type { Command } from "commander";
import { type Config, loadConfig } from "../config";
import {
  BACKUP_PATH,
  BackupError,
  holdsDatabase,
  inspectDump,
  recordingsInDataDir,
  restoreBackup,
  runningServer,
  SECRET_HEADER,
  takeBackup,
  unpackBackup,
} from "../modules/operations";
import { systemClock } from "../platform/clock";
import { migrate } from "../platform/db/migrate";
import { openDatabase } from "../platform/db/open";
import { CliError } from "./context";

const POSTGRES_BACKUP =
  'With PostgreSQL, back up with pg_dump -Fc --file tandem.dump "$DATABASE_URL" and restore with pg_restore --clean (the README\'s Backups section has the steps)';

export function registerBackup(program: Command): void {
  program
    .command("backup")
    .summary("back up the embedded database to a file, or check a backup file (--verify)")
    .description(
      "write a backup of the embedded database (and the recordings kept in the data directory) to <file>; " +
        "works while `tandem serve` runs (it asks the server). --verify checks a file without touching the data. " +
        "With PostgreSQL use pg_dump (see the README).",
    )
    .argument("<file>", "the backup file to write (or to check, with --verify)")
    .option("--verify", "check the file: its manifest, checksums, and that its database opens")
    .action(async (file: string, options: { verify?: boolean }) => {
      await explained(() => (options.verify ? verify(file) : backup(loadConfig(), file)));
    });
  program
    .command("restore")
    .summary("replace the embedded database with a backup (stop `tandem serve` first)")
    .description(
      "check <file>, load it beside the data directory, migrate it and swap it in; the old data directory " +
        "is kept as <dir>.before-restore-<time>. Refused while `tandem serve` runs.",
    )
    .argument("<file>", "a file written by `tandem backup`")
    .action(async (file: string) => {
      await explained(async () => {
        const config = loadConfig();
        if (config.databaseUrl) throw new CliError(POSTGRES_BACKUP);
        const data = await readBackupFile(file);
        const { manifest, keptAs } = await restoreBackup(config, data, file, systemClock.now());
        console.log(
          `Restored ${basename(file)} (taken ${manifest.createdAt}) into ${resolve(config.dataDir)}.`,
        );
        if (keptAs) console.log(`The data it replaced is kept in ${keptAs}; delete it once you are sure.`);
      });
    });
}

async function backup(config: Config, file: string): Promise<void> {
  if (config.databaseUrl) throw new CliError(POSTGRES_BACKUP);
  const dataDir = resolve(config.dataDir);
  const started = Date.now();
  const server = await runningServer(dataDir);
  let data: Buffer;
  if (server) {
    data = await askServer(server);
  } else {
    if (!(await holdsDatabase(dataDir)))
      throw new CliError(`There is no embedded database in ${dataDir} to back up`);
    const database = await openDatabase({ dataDir });
    try {
      await migrate(database);
      data = (await takeBackup(database, config, systemClock, "cli")).file;
    } finally {
      await database.close();
    }
  }
  const partial = `${file}.part`;
  await writeFile(partial, data, { mode: 0o600 });
  await rename(partial, file).catch(async (err) => {
    await rm(partial, { force: true });
    throw err;
  });
  const recordings = recordingsInDataDir(config) ? "recordings included" : "recordings are kept elsewhere";
  console.log(
    `Backed up the embedded database in ${dataDir} to ${file} (${megabytes(data.length)}, ${recordings}` +
      `${server ? `, from the running server (process ${server.pid})` : ""}) in ${Date.now() - started} ms.`,
  );
}

async function askServer(server: {
  pid: number;
  host: string;
  port: number;
  secret: string;
}): Promise<Buffer> {
  const host = ["0.0.0.0", "::", "localhost"].includes(server.host) ? "127.0.0.1" : server.host;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${server.port}${BACKUP_PATH}`;
  const res = await fetch(url, { method: "POST", headers: { [SECRET_HEADER]: server.secret } }).catch(
    () => null,
  );
  if (!res?.ok) {
    throw new CliError(
      `The running server (process ${server.pid}) did not make the backup${res ? ` (HTTP ${res.status})` : ""}; look at its log, or stop it and run the backup again`,
    );
  }
  return Buffer.from(await res.arrayBuffer());
}

async function verify(file: string): Promise<void> {
  const data = await readBackupFile(file);
  const { manifest, dump } = unpackBackup(data, file);
  const { tables, organisations } = await inspectDump(dump, file);
  console.log(
    `${basename(file)} is a good Tandem backup: taken ${manifest.createdAt} by Tandem ${manifest.tandemVersion}, ` +
      `${megabytes(data.length)}, recordings ${manifest.recordings}; its database opens with ${tables} tables ` +
      `and ${organisations} organisation${organisations === 1 ? "" : "s"}.`,
  );
}

async function readBackupFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(
      code === "ENOENT" ? `There is no file ${file}` : `The file ${file} cannot be read (${code ?? "error"})`,
    );
  }
}

/** A backup's own problems are sentences for the terminal: no "Error:" prefix, no stack. */
async function explained(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (err instanceof BackupError) throw new CliError(err.message);
    throw err;
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
