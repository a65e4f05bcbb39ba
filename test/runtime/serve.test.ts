import { afterAll, describe, expect, it } from "vitest";
import { adminQuery, withDatabase } from "../support/pg-admin";
import { scratchDatabase } from "./scratch";
import { exitWithin, freePort, type Spawned, tandem, waitUntilReady } from "./spawn";

// Test code may read process.env (only the server's config.ts may). Two instances need a real
// PostgreSQL server; the PostgreSQL leg always sets TEST_DATABASE_URL, so it always runs there.
const adminUrl = process.env.TEST_DATABASE_URL;

const admin = (text: string) => adminQuery(adminUrl as string, text);

describe("tandem serve", () => {
  const started: Spawned[] = [];
  const database = `tandem_two_${process.pid}`;

  afterAll(async () => {
    for (const s of started) s.child.kill("SIGKILL");
    await Promise.all(started.map((s) => s.exited));
    if (adminUrl) await admin(`drop database if exists ${database} with (force)`);
  });

  it("serves on the leg's database and stops cleanly on SIGTERM", { timeout: 120_000 }, async () => {
    const scratch = await scratchDatabase("serve");
    try {
      const port = await freePort();
      const server = tandem(["serve"], { ...scratch.env, HOST: "127.0.0.1", PORT: String(port) });
      started.push(server);
      await waitUntilReady(`http://127.0.0.1:${port}/readyz`, server, 90_000);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toEqual({ status: "ok" });
      expect(server.output()).toMatch(/Tandem is ready: http:\/\/127\.0\.0\.1:\d+, /);
      server.child.kill("SIGTERM");
      expect(await exitWithin(server, 30_000)).toEqual({ code: 0, signal: null });
      expect(server.output()).toContain("SIGTERM: shutting down");
      expect(server.output()).toContain("Tandem stopped");
    } finally {
      await scratch.remove();
    }
  });

  it.runIf(adminUrl)(
    "starts two instances at once on one fresh PostgreSQL database, and stops on SIGTERM",
    { timeout: 120_000 },
    async () => {
      await admin(`drop database if exists ${database} with (force)`);
      await admin(`create database ${database}`);
      const url = withDatabase(adminUrl as string, database);
      const ports = [await freePort(), await freePort()];
      const servers = ports.map((port) =>
        tandem(["serve"], { DATABASE_URL: url, HOST: "127.0.0.1", PORT: String(port) }),
      );
      started.push(...servers);
      await Promise.all(
        servers.map((s, i) => waitUntilReady(`http://127.0.0.1:${ports[i]}/readyz`, s, 90_000)),
      );
      for (const port of ports) {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        expect(await res.json()).toEqual({ status: "ready", database: "postgres" });
      }

      const [first, second] = servers as [Spawned, Spawned];
      first.child.kill("SIGTERM");
      expect(await exitWithin(first, 30_000)).toEqual({ code: 0, signal: null });
      expect(first.output()).toContain("SIGTERM: shutting down");
      expect(first.output()).toContain("Tandem stopped");
      expect((await fetch(`http://127.0.0.1:${ports[1]}/readyz`)).status).toBe(200);

      second.child.kill("SIGTERM");
      expect(await exitWithin(second, 30_000)).toEqual({ code: 0, signal: null });
    },
  );

  it("exits 1 on a bad configuration, naming each bad variable", { timeout: 60_000 }, async () => {
    const run = tandem(["serve"], { PORT: "abc", TANDEM_ROLE: "everything" });
    started.push(run);
    expect(await exitWithin(run, 30_000)).toEqual({ code: 1, signal: null });
    expect(run.output()).toContain("Invalid configuration");
    expect(run.output()).toMatch(/PORT: .+/);
    expect(run.output()).toMatch(/TANDEM_ROLE: .+/);
  });
});
