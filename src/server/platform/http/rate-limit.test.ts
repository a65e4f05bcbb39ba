import { randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "../../../../test/support/harness";
import { sharedRateLimitStore } from "./rate-limit-store";

/**
 * Each test sends from an address of its own: on PostgreSQL every test worker shares one database,
 * and with it the rate limit's counts, which are kept per address.
 */
const newAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

const get = (env: TestEnv, remoteAddress: string) =>
  env.app.inject({ method: "GET", url: "/api/v1/setup", remoteAddress });

describe("the request rate limit", () => {
  const envs: TestEnv[] = [];
  afterAll(async () => {
    for (const env of envs) await env.app.close();
  });

  it("answers 429 in the error shape past TANDEM_RATE_LIMIT requests a minute from one address", async () => {
    const env = await testEnv({ TANDEM_RATE_LIMIT: "3" });
    envs.push(env);
    const address = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(env, address)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await get(env, address);
    expect(limited.json().error).toMatchObject({ code: "too_many_requests" });
    expect(limited.headers["retry-after"]).toBeDefined();
    // Another address has a count of its own.
    expect((await get(env, newAddress())).statusCode).toBe(200);
  });

  // PGlite serves one process, whose limit is counted in memory; several instances need PostgreSQL.
  it.runIf(process.env.TANDEM_TEST_DB === "postgres")(
    "holds across instances on PostgreSQL: two apps on one database share the count, and a new minute starts afresh",
    async () => {
      const [a, b] = [await testEnv({ TANDEM_RATE_LIMIT: "4" }), await testEnv({ TANDEM_RATE_LIMIT: "4" })];
      envs.push(a, b);
      let at = Date.parse("2031-05-06T10:00:05Z");
      for (const env of [a, b]) env.deps.clock = { now: () => new Date(at) };
      const address = newAddress();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await get(i % 2 === 0 ? a : b, address)).statusCode);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      const limited = await get(b, address);
      expect(limited.headers["retry-after"]).toBe("55");

      at = Date.parse("2031-05-06T10:01:00Z");
      expect((await get(b, address)).statusCode).toBe(200);
      expect((await get(a, address)).statusCode).toBe(200);
    },
  );

  it("the shared store counts each request once under concurrency, and trims windows that ended", async () => {
    const env = await testEnv();
    let at = Date.parse("2031-05-06T10:00:30Z");
    const shared = sharedRateLimitStore(env.deps.db, () => at);
    try {
      const store = new shared.Store({});
      const key = `store-${newAddress()}`;
      const incr = () =>
        new Promise<{ current: number; ttl: number }>((resolve, reject) =>
          store.incr(key, (err, res) => (err || !res ? reject(err) : resolve(res)), 60_000, 1_000),
        );
      const counts = await Promise.all(Array.from({ length: 40 }, incr));
      expect(counts.map((c) => c.current).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 40 }, (_, i) => i + 1),
      );
      expect(new Set(counts.map((c) => c.ttl))).toEqual(new Set([30_000]));
      const rows = async () =>
        (await env.deps.db.execute(sql`select hits from rate_limits where key = ${key}`)) as unknown as {
          rows: { hits: number }[];
        };
      at = Date.parse("2031-05-06T10:00:59Z");
      await shared.trim();
      expect((await rows()).rows).toEqual([{ hits: 40 }]); // its window runs to 10:01
      at = Date.parse("2031-05-06T10:01:00Z");
      await shared.trim();
      expect((await rows()).rows).toEqual([]);
    } finally {
      shared.close();
    }
  });
});
