import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import type { Config } from "./config";
import type { Deps } from "./deps";
import { JOBS } from "./modules";
import { systemClock } from "./platform/clock";
import { type MigrationReport, migrate } from "./platform/db/migrate";
import { openDatabase } from "./platform/db/open";
import type { Database } from "./platform/db/types";
import { LiveEvents } from "./platform/events/live-events";
import { Jobs, type JobsOptions } from "./platform/jobs";
import { stderrLog } from "./platform/log";
import { createMailer } from "./platform/mail";
import { openStorage } from "./platform/storage";
import { WorkerPool } from "./platform/workers/pool";
import { registerWorkers } from "./workers";

export interface Runtime {
  deps: Deps;
  app: FastifyInstance | undefined;
  migrations: MigrationReport;
  stop(): Promise<void>;
}

export interface Services {
  deps: Deps;
  /** What the migrations did while opening (`tandem migrate` reports it). */
  migrations: MigrationReport;
  close(): Promise<void>;
}

/**
 * Opens and migrates the database and starts the job queue (sending only; no workers): the one
 * way in for `serve` and for every CLI command that touches data.
 */
export async function openServices(config: Config): Promise<Services> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const migrations = await migrate(database);
    const deps = await startDeps(config, database, { log: stderrLog(config.logLevel) });
    return {
      deps,
      migrations,
      async close() {
        await deps.jobs.stop();
        await deps.workers.close();
        await deps.events.close();
        await deps.storage.close();
        deps.mailer?.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
}

/** The services every door (HTTP, jobs, CLI, tests) receives, on an open, migrated database. */
export async function startDeps(config: Config, database: Database, jobOptions: JobsOptions): Promise<Deps> {
  return {
    config,
    database,
    db: database.db,
    jobs: await Jobs.start(database, JOBS, jobOptions),
    mailer: createMailer(config),
    workers: new WorkerPool({ heapMb: config.workerHeapMb }),
    events: await LiveEvents.start(database),
    clock: systemClock,
    storage: await openStorage(config),
  };
}

/** Opens the services, registers the job workers and (unless role=worker) the HTTP app. */
export async function startRuntime(
  config: Config,
  options: { listen?: boolean; logger?: boolean } = {},
): Promise<Runtime> {
  const services = await openServices(config);
  const { deps } = services;
  let app: FastifyInstance | undefined;
  try {
    if (config.role !== "api") await registerWorkers(deps);
    if (config.role !== "worker") {
      app = await buildApp(deps, { logger: options.logger ?? true });
      if (options.listen !== false) await app.listen({ host: config.host, port: config.port });
    }
  } catch (err) {
    await app?.close();
    await services.close();
    throw err;
  }
  return {
    deps,
    app,
    migrations: services.migrations,
    async stop() {
      await app?.close();
      await services.close();
    },
  };
}
