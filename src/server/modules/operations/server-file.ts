import { randomBytes } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * While `tandem serve` runs on the embedded database it keeps this file in the data directory (mode
 * 0600): the CLI finds it, checks the process is alive, and asks the server for a backup over
 * loopback with the secret (PGlite serves one process: the CLI may not open the database itself).
 */
export const SERVER_FILE = "tandem-server.json";

export interface ServerFile {
  pid: number;
  host: string;
  port: number;
  secret: string;
}

/** Writes the file for this process; `remove` deletes it at shutdown. */
export async function announceServer(dataDir: string, address: { host: string; port: number }) {
  const path = join(dataDir, SERVER_FILE);
  const file: ServerFile = { pid: process.pid, ...address, secret: randomBytes(32).toString("base64url") };
  await writeFile(path, `${JSON.stringify(file)}\n`, { mode: 0o600 });
  return { remove: () => rm(path, { force: true }) };
}

/** The file as written, or null when there is none (or it is unreadable). */
export async function readServerFile(dataDir: string): Promise<ServerFile | null> {
  try {
    const parsed = JSON.parse(await readFile(join(dataDir, SERVER_FILE), "utf8")) as Partial<ServerFile>;
    const { pid, host, port, secret } = parsed;
    if (typeof pid !== "number" || typeof port !== "number" || typeof secret !== "string") return null;
    return { pid, host: typeof host === "string" ? host : "127.0.0.1", port, secret };
  } catch {
    return null;
  }
}

/** The server holding `dataDir`, if its process is alive (a file left by a killed server is ignored). */
export async function runningServer(dataDir: string): Promise<ServerFile | null> {
  const file = await readServerFile(dataDir);
  return file && isAlive(file.pid) ? file : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
