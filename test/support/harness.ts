import { AsyncLocalStorage } from "node:async_hooks";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { inject } from "vitest";
import "./provided";
import { buildApp } from "../../src/server/app";
import { loadConfig } from "../../src/server/config";
import type { Deps } from "../../src/server/deps";
import { migrate } from "../../src/server/platform/db/migrate";
import { openDatabase } from "../../src/server/platform/db/open";
import type { Log } from "../../src/server/platform/log";
import { startDeps } from "../../src/server/runtime";
import { registerWorkers } from "../../src/server/workers";

export interface TestEnv {
  deps: Deps;
  app: FastifyInstance;
}

let shared: Promise<TestEnv> | undefined;

/**
 * One database and app per test worker (PGlite copied from the run's template, or the run's
 * PostgreSQL database); tests stay independent by each building their own organisation.
 */
export function testEnv(env: Record<string, string> = {}): Promise<TestEnv> {
  if (Object.keys(env).length > 0) return owned(createEnv(env));
  shared ??= createEnv({});
  return shared;
}

/**
 * An app on a database of its own, empty of organisations (setup tests, restarts, periodic
 * sweeps); `jobLog` receives what the job worker logs.
 */
export async function freshEnv(extra: Record<string, string> = {}, jobLog?: Log): Promise<TestEnv> {
  return owned(createEnv(extra, true, jobLog));
}

/** Envs other than the worker's shared one: each holds database connections until closed. */
const open = new Set<TestEnv>();

async function owned(creating: Promise<TestEnv>): Promise<TestEnv> {
  const env = await creating;
  open.add(env);
  return env;
}

/** Closes an env of its own (app, jobs, workers, live events, mail, database); closing twice is a no-op. */
export async function closeEnv(env: TestEnv): Promise<void> {
  if (!open.delete(env)) return;
  await env.app.close();
  await env.deps.jobs.stop();
  await env.deps.workers.close();
  await env.deps.events.close();
  await env.deps.storage.close();
  if (env.deps.config.storageUrl.includes("/tandem-storage-"))
    await rm(env.deps.config.storageUrl.slice("file:".length), { recursive: true, force: true });
  env.deps.mailer?.close();
  await env.deps.database.close();
}

/**
 * After each test file (`close-envs.setup.ts`): the envs it made and left open. Without this a run on
 * PostgreSQL runs out of connections ("too many clients already").
 */
export async function closeOpenEnvs(): Promise<void> {
  for (const env of [...open]) await closeEnv(env);
}

async function createEnv(extra: Record<string, string>, fresh = false, jobLog?: Log): Promise<TestEnv> {
  const runUrl = inject("databaseUrl");
  const databaseUrl = runUrl && fresh ? await freshPostgresDatabase(runUrl) : runUrl;
  const dataDir = databaseUrl ? "" : await copyTemplate();
  const config = loadConfig({
    TANDEM_LOG_LEVEL: "silent",
    TANDEM_PUBLIC_URL: "http://tandem.test",
    // One app serves a whole test worker from 127.0.0.1; the limiter has a test of its own.
    TANDEM_RATE_LIMIT: "1000000",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { TANDEM_DATA_DIR: dataDir }),
    // Each env keeps its files apart (removed by closeEnv); a test may name its own store.
    ...(extra.STORAGE_URL ? {} : { STORAGE_URL: `file:${await mkdtemp(join(tmpdir(), "tandem-storage-"))}` }),
    ...extra,
  });
  const database = await openDatabase({
    databaseUrl,
    dataDir,
    poolSize: 4,
    onQuery: (sql) => recording.getStore()?.push(sql),
  });
  const deps = await startDeps(config, database, {
    pollingIntervalSeconds: 0.5,
    ...(jobLog ? { log: jobLog } : {}),
  });
  await registerWorkers(deps, { periodic: false });
  const app = await buildApp(deps, { logger: false });
  return { deps, app };
}

async function freshPostgresDatabase(runUrl: string): Promise<string> {
  const name = `tandem_fresh_${process.pid}_${copies++}`;
  const admin = new pg.Client({ connectionString: runUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(runUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: "" });
  await migrate(database);
  await database.close();
  return url.toString();
}

let copies = 0;
async function copyTemplate(): Promise<string> {
  const template = inject("pgliteTemplate");
  const dir = `${template}-workers/${process.pid}-${copies++}`;
  await rm(dir, { recursive: true, force: true });
  await cp(template, dir, { recursive: true });
  return dir;
}

/** The SQL statements a piece of work sends (not those of jobs or requests running meanwhile). */
const recording = new AsyncLocalStorage<string[]>();

const WRITE = /\b(insert\s+into|delete\s+from|truncate|update\s+[\w".]+\s+set)\b/i;

/** Runs `work` and returns, beside its result, the statements it sent that write (insert, update, delete). */
export async function writesDuring<T>(work: () => Promise<T>): Promise<{ result: T; writes: string[] }> {
  const statements: string[] = [];
  const result = await recording.run(statements, work);
  // The request rate limit counts every request, GETs too (on PostgreSQL: `rate-limit-store.ts`); not the route's write.
  const route = statements.filter((sql) => !/insert into rate_limits\b/i.test(sql));
  return { result, writes: route.filter((sql) => WRITE.test(sql)) };
}

export type Caller =
  | { kind: "session"; cookie: string; csrf: string }
  | { kind: "token"; token: string }
  | { kind: "anonymous" };

export interface RequestOptions {
  as?: Caller;
  body?: unknown;
  /** A raw payload (malformed JSON, CSV) sent as is. */
  payload?: string;
  headers?: Record<string, string>;
  /** Leave out the CSRF header of a session caller. */
  noCsrf?: boolean;
  /** A streaming route (Server-Sent Events): answer with the status, closing the stream; errors read whole. */
  stream?: boolean;
}

export async function call(
  env: TestEnv,
  method: InjectOptions["method"],
  url: string,
  options: RequestOptions = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  const as = options.as ?? { kind: "anonymous" };
  if (as.kind === "session") {
    headers.cookie = `tandem_session=${as.cookie}`;
    if (!options.noCsrf && method !== "GET") headers["x-csrf-token"] = as.csrf;
  }
  if (as.kind === "token") headers.authorization = `Bearer ${as.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const payload = options.payload ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const request = { method, url, headers, ...(payload === undefined ? {} : { payload }) };
  return options.stream ? injectStream(env, request) : env.app.inject(request);
}

async function injectStream(env: TestEnv, request: InjectOptions): Promise<LightMyRequestResponse> {
  const res = await env.app.inject({ ...request, payloadAsStream: true });
  if (res.statusCode < 400) {
    res.raw.res.destroy();
    return res;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of res.stream()) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString();
  return Object.assign(res, { body, payload: body, json: () => JSON.parse(body) });
}

/** The session cookie value set by a response, if any. */
export function sessionCookieOf(res: LightMyRequestResponse): string | undefined {
  return res.cookies.find((c) => c.name === "tandem_session")?.value;
}
