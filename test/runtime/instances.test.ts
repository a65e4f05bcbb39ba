import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOBS } from "../../src/server/modules";
import { LEASE_MS as WEBHOOK_LEASE_MS } from "../../src/server/modules/notifications/webhooks.deliver";
import { piecesOf, WEBM } from "../../src/server/modules/recordings/upload.fixtures";
import { adminQuery, withDatabase } from "../support/pg-admin";
import { type MixResult, mediansByOp, percentile, runMix, type Session, sessionFrom } from "./load-mix";
import {
  BACKEND_HEADER,
  type Backend,
  CLIENT_HEADER,
  type RoundRobinProxy,
  startRoundRobinProxy,
} from "./round-robin-proxy";
import { freePort, type Spawned, tandem, waitUntilReady } from "./spawn";

/**
 * Three `tandem serve` processes on one fresh PostgreSQL database behind a round-robin proxy, a
 * minute of mixed load, one instance SIGKILLed in the middle. Skipped on PGlite: the embedded
 * database serves one process, so several instances need a PostgreSQL server (this runs in the
 * PostgreSQL leg, which sets TEST_DATABASE_URL).
 */
const adminUrl = process.env.TANDEM_TEST_DB === "postgres" ? process.env.TEST_DATABASE_URL : undefined;

const LOAD_MS = 60_000;
const KILL_AT_MS = 30_000;
const CONCURRENCY = 8;
/** Requests a minute per client address: low enough for a phase of its own to reach it. */
const RATE_LIMIT = 300;
const owner = { name: "Ola Owner", email: "ola@example.test", password: "correct horse battery staple" };

describe.skipIf(!adminUrl)("several instances on one PostgreSQL database", () => {
  const database = `tandem_instances_${process.pid}`;
  let databaseUrl: string;
  let storageDir: string;
  const instances: Spawned[] = [];
  let proxy: RoundRobinProxy;
  let receiver: Server;
  /** When each webhook delivery arrived, by delivery id (ms): each must arrive once (see the job test). */
  const received = new Map<string, number[]>();
  let session: Session;
  let webhookId: string;

  const send = (method: string, path: string, options: { body?: unknown; client?: string } = {}) =>
    fetch(`${proxy.url}${path}`, {
      method,
      headers: {
        cookie: `tandem_session=${session.cookie}`,
        "x-csrf-token": session.csrf,
        [CLIENT_HEADER]: options.client ?? "192.0.2.1",
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });

  beforeAll(async () => {
    await adminQuery(adminUrl as string, `drop database if exists ${database} with (force)`);
    await adminQuery(adminUrl as string, `create database ${database}`);
    databaseUrl = withDatabase(adminUrl as string, database);
    storageDir = await mkdtemp(join(tmpdir(), "tandem-shared-storage-"));
    receiver = createServer((req, res) => {
      const id = String(req.headers["x-tandem-delivery"]);
      received.set(id, [...(received.get(id) ?? []), Date.now()]);
      req.resume();
      req.on("end", () => res.writeHead(200).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));

    const backends: Backend[] = [];
    for (const name of ["a", "b", "c"]) {
      const port = await freePort();
      backends.push({ name, port, alive: true });
      instances.push(
        tandem(["serve"], {
          DATABASE_URL: databaseUrl,
          HOST: "127.0.0.1",
          PORT: String(port),
          STORAGE_URL: `file:${storageDir}`,
          TANDEM_TRUST_PROXY: "true",
          TANDEM_RATE_LIMIT: String(RATE_LIMIT),
          // The webhook receiver is on 127.0.0.1.
          TANDEM_ALLOW_PRIVATE_URLS: "true",
          TANDEM_PUBLIC_URL: "http://tandem.test",
        }),
      );
    }
    const starting = Date.now();
    await Promise.all(
      backends.map((b, i) =>
        waitUntilReady(`http://127.0.0.1:${b.port}/readyz`, instances[i] as Spawned, 90_000),
      ),
    );
    console.log(`instances test: three instances ready in ${Date.now() - starting} ms`);
    proxy = await startRoundRobinProxy(backends);

    const setup = await fetch(`${proxy.url}/api/v1/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        organisation: { name: "Many Instances Ltd", timeZone: "Europe/Berlin" },
        owner: { ...owner, timeZone: "Europe/Berlin" },
      }),
    });
    expect(setup.status).toBe(201);
    session = await sessionFrom(proxy.url, setup);
    const port = (receiver.address() as AddressInfo).port;
    const webhook = await send("POST", "/api/v1/webhooks", {
      body: { url: `http://127.0.0.1:${port}/hook`, format: "signed", events: ["notification.test"] },
    });
    expect(webhook.status).toBe(201);
    webhookId = ((await webhook.json()) as { webhook: { id: string } }).webhook.id;
  }, 150_000);

  afterAll(async () => {
    for (const instance of instances) instance.child.kill("SIGKILL");
    await Promise.all(instances.map((i) => i.exited));
    await proxy?.close();
    receiver?.close();
    await adminQuery(adminUrl as string, `drop database if exists ${database} with (force)`);
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
  });

  it("throttles sign-in across instances: the 6th wrong password for an email is 429 whichever answers", async () => {
    const answers: { status: number; by: string | null }[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${proxy.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", [CLIENT_HEADER]: "192.0.2.66" },
        body: JSON.stringify({ email: "locked@example.test", password: `guess ${i}` }),
      });
      answers.push({ status: res.status, by: res.headers.get(BACKEND_HEADER) });
    }
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(new Set(answers.map((a) => a.by)).size).toBe(3);
  });

  it("takes a recording's chunks on different instances and plays it back from any", async () => {
    const started = await send("POST", "/api/v1/recordings", { body: { mimeType: "video/webm" } });
    expect(started.status).toBe(201);
    const id = ((await started.json()) as { recording: { id: string } }).recording.id;
    const by = new Set<string | null>();
    for (const [index, piece] of piecesOf(WEBM, 3).entries()) {
      const res = await fetch(`${proxy.url}/api/v1/recordings/${id}/chunks/${index}`, {
        method: "PUT",
        headers: {
          cookie: `tandem_session=${session.cookie}`,
          "x-csrf-token": session.csrf,
          "content-type": "application/octet-stream",
        },
        body: new Uint8Array(piece),
      });
      expect(res.status).toBe(204);
      by.add(res.headers.get(BACKEND_HEADER));
    }
    expect(by.size).toBe(3);
    expect(
      (await send("POST", `/api/v1/recordings/${id}/complete`, { body: { chunks: 3, durationMs: 5000 } }))
        .status,
    ).toBe(200);
    const sizes = new Set<number>();
    for (let i = 0; i < 3; i++) {
      const media = await send("GET", `/api/v1/recordings/${id}/media`);
      expect(media.status).toBe(200);
      sizes.add((await media.arrayBuffer()).byteLength);
    }
    expect([...sizes]).toEqual([WEBM.length + 11]); // the file, with the duration written into its header
  });

  describe("a minute of mixed load, one instance SIGKILLed in the middle", () => {
    let mix: MixResult;
    let killedAt: Date;
    const live: LiveClient[] = [];

    beforeAll(async () => {
      // One live client on each instance before the load starts (round robin, nothing else in between).
      for (let i = 0; i < 3; i++) {
        const client = new LiveClient(proxy.url, session);
        await client.connected;
        live.push(client);
      }
      const seed = await send("POST", "/api/v1/updates", {
        body: { kind: "status", title: "Kick-off", body: "Here we go.", audience: { organisation: true } },
      });
      const seedId = ((await seed.json()) as { update: { id: string } }).update.id;
      const kill = setTimeout(() => {
        killedAt = new Date();
        instances[1]?.child.kill("SIGKILL");
      }, KILL_AT_MS);
      mix = await runMix(
        {
          url: proxy.url,
          session,
          owner: { email: owner.email, password: owner.password },
          webhookId,
          updateIds: [seedId],
        },
        { durationMs: LOAD_MS, concurrency: CONCURRENCY, label: "load" },
      );
      clearTimeout(kill);
      const p99 = percentile(mix.latencies, 99).toFixed(0);
      console.log(
        `instances test: ${mix.requests} requests in ${LOAD_MS / 1000} s (${(mix.requests / (LOAD_MS / 1000)).toFixed(0)}/s), p99 ${p99} ms, ` +
          `statuses ${JSON.stringify(Object.fromEntries(mix.statuses))}, no answer ${mix.failures}; acknowledged ` +
          `${mix.acknowledged.updates.length} updates, ${mix.acknowledged.comments.length} comments, ` +
          `${mix.acknowledged.deliveries.length} webhook jobs; answered by ${JSON.stringify(Object.fromEntries(proxy.answered))}; ` +
          `refusals ${JSON.stringify(Object.fromEntries(mix.refusals))}; medians ${mediansByOp(mix)}`,
      );
    }, LOAD_MS + 60_000);

    afterAll(() => {
      for (const client of live) client.stop();
    });

    it("ran the mix on every instance, and lost one of them on the way", () => {
      expect(killedAt).toBeDefined();
      expect(proxy.backends.map((b) => b.alive)).toEqual([true, false, true]);
      // About 9 requests a second on a loaded 2-core machine; far more on an idle one.
      expect(mix.acknowledged.updates.length).toBeGreaterThan(20);
      expect(mix.acknowledged.comments.length).toBeGreaterThan(20);
      expect(mix.acknowledged.deliveries.length).toBeGreaterThan(5);
      expect(mix.wrongSignIns).toBeGreaterThan(5);
      // Only what was in flight on the killed instance went unanswered (502 from the proxy).
      const errors = [...mix.statuses].filter(([status]) => status >= 500 && status !== 502);
      const logged = instances.flatMap((i) => i.output().split("\n")).filter((l) => l.includes('"level":50'));
      expect(errors, logged.join("\n").slice(0, 4000)).toEqual([]);
      expect(mix.statuses.get(502) ?? 0).toBeLessThan(CONCURRENCY + 4);
      // Sign-in attempts are counted before the password is checked (modules/auth/throttle.ts), so more
      // than 5 sign-ins of one email at once are refused even with the right password: only those.
      const refused = [...mix.refusals.keys()].filter((k) => k.endsWith(" 429"));
      expect(refused.filter((k) => k !== "signIn 429")).toEqual([]);
    });

    it("lost no acknowledged write", async () => {
      const rows = await query<{ kind: string; n: string }>(
        `select 'updates' as kind, count(*)::text as n from updates where id = any($1::uuid[])
         union all select 'comments', count(*)::text from update_comments where id = any($2::uuid[])
         union all select 'deliveries', count(*)::text from webhook_deliveries where delivery_id = any($3::uuid[])`,
        [mix.acknowledged.updates, mix.acknowledged.comments, mix.acknowledged.deliveries],
      );
      expect(Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]))).toEqual({
        updates: mix.acknowledged.updates.length,
        comments: mix.acknowledged.comments.length,
        deliveries: mix.acknowledged.deliveries.length,
      });
    });

    it("ran each job once: every acknowledged webhook job delivered once (one cut by the kill resent with its id), none left or failed", {
      timeout: 180_000,
    }, async () => {
      // Jobs fetched by the killed instance stay taken until pg-boss expires them; the webhook sweep
      // (every minute) sends their deliveries once their 60 s lease is over. Usually none: they take ms.
      // Also those whose request was cut by the kill (502, not acknowledged) but had committed.
      const deliveries = () =>
        query<{ id: string; status: string }>("select delivery_id as id, status from webhook_deliveries");
      const deadline = Date.now() + 150_000;
      while (Date.now() < deadline && (await deliveries()).some((d) => d.status !== "delivered"))
        await new Promise((resolve) => setTimeout(resolve, 500));
      await until(() => mix.acknowledged.deliveries.every((id) => received.has(id)), 5_000);
      // The load's last jobs (recomputing insights after each comment, taken 25 at a time) finish.
      const waiting = () =>
        query<{ n: string }>(
          `select count(*)::text as n from pgboss.job
           where name not like '__pgboss%' and (state in ('created', 'retry') and start_after <= now()
             or state = 'active' and started_on > $1)`,
          [killedAt],
        );
      const drained = Date.now() + 60_000;
      while (Number((await waiting())[0]?.n) > 0 && Date.now() < drained)
        await new Promise((resolve) => setTimeout(resolve, 250));
      // Once each — but a delivery the killed instance had sent when it died, before it could record
      // it, is sent again once its lease is over: at least once, the same X-Tandem-Delivery id for
      // the receiver to drop (as webhook senders promise). Only that resend is allowed twice.
      const resentAfterTheKill = (at: number[]) =>
        at.length === 2 &&
        (at[0] as number) <= killedAt.getTime() &&
        // Sent again no sooner than its lease, taken just before the first send, had run out.
        (at[1] as number) - (at[0] as number) >= WEBHOOK_LEASE_MS / 2;
      const twice = [...received].filter(([, at]) => at.length > 1 && !resentAfterTheKill(at));
      expect(twice).toEqual([]);
      expect(mix.acknowledged.deliveries.filter((id) => !received.has(id))).toEqual([]);
      const all = await deliveries();
      expect(all.filter((d) => d.status !== "delivered")).toEqual([]);
      expect(new Set(received.keys())).toEqual(new Set(all.map((d) => d.id)));
      const leftOver = await query<{ name: string; state: string; started_on: Date | null }>(
        `select name, state, started_on from pgboss.job
         where name not like '__pgboss%' and state in ('created', 'retry', 'active', 'failed')
           and not (state = 'created' and start_after > now())`,
      );
      // Taken by the killed instance only (pg-boss retries them when they expire; their effect is done).
      const stuck = leftOver.filter((j) => j.state !== "active" || (j.started_on ?? new Date()) > killedAt);
      expect(stuck).toEqual([]);
    });

    it("sent each periodic job once per tick across the instances", async () => {
      // pg-boss's cron: one instance at a time checks the schedules and queues a "send it" job per
      // schedule and minute (a singleton); whichever instance takes it sends the job. So: no more jobs
      // than ticks, and one for each "send it" completed (the last tick's may still be on its way, and
      // one taken by the killed instance waits for pg-boss to expire it).
      const periodic = JOBS.filter((job) => job.everyMinutes !== undefined).map((job) => job.name);
      const counts = await query<{ name: string; ticks: string; sent: string; jobs: string; failed: string }>(
        `select t.name, t.ticks::text, t.sent::text, coalesce(j.jobs, 0)::text as jobs, t.failed::text from (
           select data->>'name' as name, count(*) as ticks, count(*) filter (where state = 'failed') as failed,
             count(*) filter (where state = 'completed') as sent
           from pgboss.job where name = '__pgboss__send-it' group by 1
         ) t left join (select name, count(*) as jobs from pgboss.job where name = any($1) group by 1) j using (name)`,
        [periodic],
      );
      const byName = new Map(counts.map((c) => [c.name, c]));
      expect(Number(byName.get("webhook-retries")?.ticks)).toBeGreaterThanOrEqual(1);
      for (const { name, ticks, sent, jobs, failed } of counts) {
        expect(Number(jobs), name).toBeLessThanOrEqual(Number(ticks));
        expect(Number(jobs), name).toBeGreaterThanOrEqual(Number(sent));
        expect(Number(failed), name).toBe(0);
      }
    });

    it("live clients reconnected to a live instance and received the event of every acknowledged update, once", async () => {
      await until(() => live.every((c) => mix.acknowledged.updates.every((id) => c.objects.has(id))), 20_000);
      for (const client of live) {
        expect(client.duplicates).toBe(0);
        expect(mix.acknowledged.updates.filter((id) => !client.objects.has(id))).toEqual([]);
      }
      // The client on the killed instance came back through the proxy to another one.
      const moved = live.filter((c) => c.backends[0] === "b");
      expect(moved).toHaveLength(1);
      expect(moved[0]?.backends.slice(1).every((b) => b === "a" || b === "c")).toBe(true);
      expect(moved[0]?.backends.length).toBeGreaterThan(1);
    });

    it("holds the request rate limit across instances: one address gets RATE_LIMIT a minute in all", async () => {
      // A phase of its own; it must not straddle the start of a minute (the window is a clock minute).
      const secondsLeft = 60 - new Date().getUTCSeconds();
      if (secondsLeft < 15) await new Promise((resolve) => setTimeout(resolve, secondsLeft * 1000 + 200));
      const statuses: number[] = [];
      const by = new Set<string | null>();
      const sendOne = async () => {
        const res = await fetch(`${proxy.url}/api/v1/setup`, {
          headers: { [CLIENT_HEADER]: "198.51.100.7" },
        });
        await res.arrayBuffer();
        statuses.push(res.status);
        by.add(res.headers.get(BACKEND_HEADER));
      };
      for (let i = 0; i < RATE_LIMIT + 20; i += 20) await Promise.all(Array.from({ length: 20 }, sendOne));
      expect(statuses.filter((s) => s === 200)).toHaveLength(RATE_LIMIT);
      expect(statuses.filter((s) => s === 429)).toHaveLength(20);
      expect([...by].sort()).toEqual(["a", "c"]);
    }, 60_000);
  });

  async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }
});

/** Waits for `done` (checked every 200 ms), giving up after `ms`. */
async function until(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
}

/**
 * A browser's EventSource, reduced: reads `GET /api/v1/events` through the proxy and, when the
 * stream ends, reconnects with `Last-Event-ID` (after the server's `retry:` pause, shortened).
 */
class LiveClient {
  /** Object ids of the events received. */
  readonly objects = new Set<string>();
  /** The instance of each connection, in order. */
  readonly backends: string[] = [];
  duplicates = 0;
  readonly connected: Promise<void>;
  private readonly seqs = new Set<number>();
  private lastId: string | undefined;
  private stopped = false;
  private readonly controller = new AbortController();

  constructor(
    private readonly url: string,
    private readonly session: Session,
  ) {
    let resolve: () => void = () => undefined;
    this.connected = new Promise((r) => {
      resolve = r;
    });
    void this.run(resolve);
  }

  stop(): void {
    this.stopped = true;
    this.controller.abort();
  }

  private async run(onConnected: () => void): Promise<void> {
    while (!this.stopped) {
      try {
        const res = await fetch(`${this.url}/api/v1/events`, {
          headers: {
            accept: "text/event-stream",
            cookie: `tandem_session=${this.session.cookie}`,
            ...(this.lastId === undefined ? {} : { "last-event-id": this.lastId }),
          },
          signal: this.controller.signal,
        });
        if (res.status === 200 && res.body) {
          this.backends.push(res.headers.get(BACKEND_HEADER) ?? "?");
          onConnected();
          await this.read(res.body);
        }
      } catch {
        // The connection broke (its instance died): reconnect below.
      }
      if (!this.stopped) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffered = "";
    const reader = body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffered += decoder.decode(chunk.value, { stream: true });
      for (let end = buffered.indexOf("\n\n"); end >= 0; end = buffered.indexOf("\n\n")) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const id = /^id: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (id === undefined || data === undefined) continue;
        if (this.seqs.has(Number(id))) this.duplicates++;
        this.seqs.add(Number(id));
        this.lastId = id;
        this.objects.add((JSON.parse(data) as { id: string }).id);
      }
    }
  }
}
