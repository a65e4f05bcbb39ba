import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, inject, it } from "vitest";
import { type Scratch, scratchDatabase } from "../../../../test/runtime/scratch";
import { exitWithin, freePort, setUpOverHttp, tandem, waitUntilReady } from "../../../../test/runtime/spawn";
import { systemClock } from "../../platform/clock";
import { migrate } from "../../platform/db/migrate";
import { openDatabase } from "../../platform/db/open";
import { organisations } from "../organisations";
import { restoreBackup, takeBackup } from "./backup.service";
import { BackupError, dumpBlob, inspectDump, unpackBackup } from "./backup-file";
import { backups } from "./backups.table";
import { announceServer, SERVER_FILE } from "./server-file";
import { writeTar } from "./tar";

// Backup and restore are the embedded database's (PostgreSQL has pg_dump/pg_restore: see the README).
const pglite = !inject("databaseUrl");
const scratches: Scratch[] = [];
afterEach(async () => {
  for (const s of scratches.splice(0)) await s.remove();
});

async function scratch(label: string) {
  const s = await scratchDatabase(label);
  scratches.push(s);
  return { ...s, dataDir: s.env.TANDEM_DATA_DIR ?? "", dir: dirname(s.env.TANDEM_DATA_DIR ?? "") };
}

async function withDb<T>(
  s: { dataDir: string },
  work: (db: Awaited<ReturnType<Scratch["open"]>>) => Promise<T>,
) {
  const database = await openDatabase({ dataDir: s.dataDir });
  try {
    await migrate(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

const orgNames = (s: { dataDir: string }) =>
  withDb(s, async ({ db }) =>
    (await db.select().from(organisations).orderBy(asc(organisations.name))).map((o) => o.name),
  );

async function run(s: { env: Record<string, string> }, args: string[]) {
  const spawned = tandem(args, s.env);
  const { code } = await exitWithin(spawned, 120_000);
  return { code, output: spawned.output() };
}

describe.runIf(pglite)("tandem backup and restore (embedded database)", () => {
  it("backs up, and a restore brings back the earlier state, keeping the replaced data", {
    timeout: 300_000,
  }, async () => {
    const s = await scratch("backup");
    await withDb(s, ({ db }) =>
      db.insert(organisations).values({ name: "Before", timeZone: "Europe/Paris" }),
    );
    const file = join(s.dir, "monday.tar");

    const backedUp = await run(s, ["backup", file]);
    expect(backedUp.output).toMatch(/^Backed up the embedded database in .* to .*monday\.tar \(\d/);
    expect(backedUp.code).toBe(0);

    await withDb(s, async ({ db }) => {
      await db.update(organisations).set({ name: "Renamed" }).where(eq(organisations.name, "Before"));
      await db.insert(organisations).values({ name: "Later", timeZone: "Asia/Tokyo" });
    });
    expect(await orgNames(s)).toEqual(["Later", "Renamed"]);

    const restored = await run(s, ["restore", file]);
    expect(restored.output).toContain("Restored monday.tar");
    expect(restored.code).toBe(0);
    expect(await orgNames(s)).toEqual(["Before"]);
    // The replaced data directory is kept beside it, whole.
    const kept = (await readdir(s.dir)).filter((name) => name.startsWith("data.before-restore-"));
    expect(kept).toHaveLength(1);
    expect(await orgNames({ dataDir: join(s.dir, kept[0] ?? "") })).toEqual(["Later", "Renamed"]);
    // The restored database remembers the backup it came from, for "last backup".
    const rows = await withDb(s, ({ db }) => db.select().from(backups));
    expect(rows.map((r) => r.via).sort()).toEqual(["restore"]);

    const notBackup = await run(s, ["backup", "--verify", join(process.cwd(), "package.json")]);
    expect(notBackup.code).toBe(1);
    expect(notBackup.output.trim()).toBe("The file package.json is not a Tandem backup");
  });

  it("verify accepts a good file and refuses a truncated, a corrupted and a foreign one with a sentence", {
    timeout: 120_000,
  }, async () => {
    const s = await scratch("verify");
    const file = await withDb(s, async (database) => {
      await database.db.insert(organisations).values({ name: "Kept", timeZone: "UTC" });
      return (await takeBackup(database, { storageUrl: "file:" }, systemClock, "cli")).file;
    });
    const { manifest, dump } = unpackBackup(file, "good.tar");
    expect(manifest).toMatchObject({
      format: "tandem-backup",
      formatVersion: 1,
      database: "pglite",
      recordings: "included",
    });
    const counts = await inspectDump(dump, "good.tar");
    expect(counts.organisations).toBe(1);
    expect(counts.tables).toBeGreaterThan(50);

    expect(() => unpackBackup(file.subarray(0, Math.floor(file.length / 2)), "/x/half.tar")).toThrow(
      new BackupError(
        "The file half.tar is damaged or incomplete (database.tar.gz ends early); take a new backup",
      ),
    );
    const corrupted = Buffer.from(file);
    const at = corrupted.length - 4096;
    corrupted[at] = (corrupted[at] ?? 0) ^ 0xff;
    expect(() => unpackBackup(corrupted, "bad.tar")).toThrow(
      new BackupError(
        "The file bad.tar is damaged: its database does not match the checksum it was saved with",
      ),
    );
    expect(() => unpackBackup(Buffer.from("just some text\n"), "notes.txt")).toThrow(
      new BackupError("The file notes.txt is not a Tandem backup"),
    );
    const otherTar = writeTar([{ name: "photo.jpg", data: Buffer.from("jpeg") }], new Date());
    expect(() => unpackBackup(otherTar, "photos.tar")).toThrow(
      new BackupError("The file photos.tar is not a Tandem backup"),
    );
    // Checksums match but the database inside is not one: it does not open.
    await expect(inspectDump(Buffer.from("not a database"), "odd.tar")).rejects.toThrow(
      new BackupError("The file odd.tar holds a database that does not open; take a new backup"),
    );
  });

  it("restore refuses while a server holds the data directory, and changes nothing", {
    timeout: 120_000,
  }, async () => {
    const s = await scratch("refuse");
    const file = await withDb(s, async (database) => {
      await database.db.insert(organisations).values({ name: "Live", timeZone: "UTC" });
      return (await takeBackup(database, { storageUrl: "file:" }, systemClock, "cli")).file;
    });
    const announced = await announceServer(s.dataDir, { host: "127.0.0.1", port: 1 });
    try {
      await expect(restoreBackup({ dataDir: s.dataDir }, file, "b.tar", new Date())).rejects.toThrow(
        new BackupError(`Stop \`tandem serve\` before restoring: it is running as process ${process.pid}`),
      );
    } finally {
      await announced.remove();
    }
    expect((await readdir(s.dir)).sort()).toEqual(["data"]);
  });

  it("backs up through a running server (loopback, secret) while it takes writes; restore is refused meanwhile", {
    timeout: 400_000,
  }, async () => {
    const s = await scratch("served");
    const port = await freePort();
    const server = tandem(["serve"], { ...s.env, PORT: String(port) });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitUntilReady(`${base}/readyz`, server, 240_000);
      const serverFile = join(s.dataDir, SERVER_FILE);
      expect((await stat(serverFile)).mode & 0o777).toBe(0o600);
      const { pid, secret } = JSON.parse(await readFile(serverFile, "utf8")) as {
        pid: number;
        secret: string;
      };
      expect(pid).toBe(server.child.pid);
      const wrong = await fetch(`${base}/internal/backup`, {
        method: "POST",
        headers: { "x-tandem-backup-secret": `${secret}x` },
      });
      expect(wrong.status).toBe(404);

      const writer = await signedIn(base);
      const acknowledged: number[] = [];
      let writing = true;
      const writes = (async () => {
        for (let n = 1; writing; n++) {
          const res = await writer(`/api/v1/teams`, { name: `Team ${n}` });
          expect(res.status).toBe(201);
          acknowledged.push(n);
        }
      })();
      while (acknowledged.length < 3) await new Promise((resolve) => setTimeout(resolve, 50));
      const before = acknowledged.length;
      const file = join(s.dir, "live.tar");
      const backedUp = await run(s, ["backup", file]);
      writing = false;
      await writes;
      expect(backedUp.output).toContain(`from the running server (process ${pid})`);
      expect(backedUp.code).toBe(0);

      const refused = await run(s, ["restore", file]);
      expect(refused.code).toBe(1);
      expect(refused.output.trim()).toBe(
        `Stop \`tandem serve\` before restoring: it is running as process ${pid}`,
      );

      // The backup holds teams 1…k with no gap, k at least what was acknowledged before it began.
      const { dump } = unpackBackup(await readFile(file), file);
      const copy = await PGlite.create({ loadDataDir: dumpBlob(dump, file) });
      const names = (await copy.query<{ name: string }>("select name from teams")).rows.map((r) => r.name);
      const recorded = await copy.query("select * from backups");
      await copy.close();
      const numbers = names.map((n) => Number(n.replace("Team ", ""))).sort((a, b) => a - b);
      expect(numbers.length).toBeGreaterThanOrEqual(before);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      expect(recorded.rows).toEqual([]); // recorded after its own dump
    } finally {
      server.child.kill("SIGTERM");
      await exitWithin(server, 60_000);
    }
    await expect(stat(join(s.dataDir, SERVER_FILE))).rejects.toThrow();
    const rows = await withDb(s, ({ db }) => db.select().from(backups));
    expect(rows.map((r) => r.via)).toEqual(["server"]);
  });
});

/** Sets up the instance's first organisation over HTTP and returns a writer with its session. */
async function signedIn(base: string) {
  const { headers } = await setUpOverHttp(base, "Served");
  return (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
}

describe.runIf(!pglite)("tandem backup with PostgreSQL", () => {
  it("points to pg_dump and pg_restore in one sentence, exit code 1", { timeout: 120_000 }, async () => {
    const s = await scratchDatabase("pgbackup");
    scratches.push(s);
    for (const args of [
      ["backup", "x.tar"],
      ["restore", "x.tar"],
    ]) {
      const { code, output } = await run(s, args);
      expect(code).toBe(1);
      expect(output.trim()).toBe(
        'With PostgreSQL, back up with pg_dump -Fc --file tandem.dump "$DATABASE_URL" and restore with pg_restore --clean (the README\'s Backups section has the steps)',
      );
    }
  });
});
