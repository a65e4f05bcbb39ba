import { cp, rm } from "node:fs/promises";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { inject } from "vitest";
import "./provided";
import { buildApp } from "../../src/server/app";
import { loadConfig } from "../../src/server/config";
import type { Deps } from "../../src/server/deps";
import { migrate } from "../../src/server/platform/db/migrate";
import { openDatabase } from "../../src/server/platform/db/open";
import { Jobs } from "../../src/server/platform/jobs";
import { createMailer } from "../../src/server/platform/mail";
import { JOB_QUEUES, registerWorkers } from "../../src/server/workers";

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
  if (Object.keys(env).length > 0) return createEnv(env);
  shared ??= createEnv({});
  return shared;
}

/** An app on a database of its own, empty of organisations (setup tests, restarts). */
export async function freshEnv(extra: Record<string, string> = {}): Promise<TestEnv> {
  return createEnv(extra, true);
}

async function createEnv(extra: Record<string, string>, fresh = false): Promise<TestEnv> {
  const runUrl = inject("databaseUrl");
  const databaseUrl = runUrl && fresh ? await freshPostgresDatabase(runUrl) : runUrl;
  const dataDir = databaseUrl ? "" : await copyTemplate();
  const config = loadConfig({
    TANDEM_LOG_LEVEL: "silent",
    TANDEM_PUBLIC_URL: "http://tandem.test",
    // One app serves a whole test worker from 127.0.0.1; the limiter has a test of its own.
    TANDEM_RATE_LIMIT: "1000000",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { TANDEM_DATA_DIR: dataDir }),
    ...extra,
  });
  const database = await openDatabase({ databaseUrl, dataDir, poolSize: 4 });
  const jobs = await Jobs.start(database, JOB_QUEUES, 0.5);
  const deps: Deps = { config, database, db: database.db, jobs, mailer: createMailer(config) };
  await registerWorkers(deps);
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
  return env.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
}

/** The session cookie value set by a response, if any. */
export function sessionCookieOf(res: LightMyRequestResponse): string | undefined {
  return res.cookies.find((c) => c.name === "tandem_session")?.value;
}
