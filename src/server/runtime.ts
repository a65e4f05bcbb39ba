import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import type { Config } from "./config";
import type { Deps } from "./deps";
import { migrate } from "./platform/db/migrate";
import { openDatabase } from "./platform/db/open";
import { Jobs } from "./platform/jobs";
import { JOB_QUEUES, registerWorkers } from "./workers";

export interface Runtime {
  deps: Deps;
  app: FastifyInstance | undefined;
  stop(): Promise<void>;
}

/** Opens and migrates the database, starts the job queue and (unless role=worker) the HTTP app. */
export async function startRuntime(
  config: Config,
  options: { listen?: boolean; logger?: boolean } = {},
): Promise<Runtime> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database);
  const jobs = await Jobs.start(database, JOB_QUEUES);
  const deps: Deps = { config, database, db: database.db, jobs };
  if (config.role !== "api") await registerWorkers(deps);
  let app: FastifyInstance | undefined;
  if (config.role !== "worker") {
    app = await buildApp(deps, { logger: options.logger ?? true });
    if (options.listen !== false) await app.listen({ host: config.host, port: config.port });
  }
  return {
    deps,
    app,
    async stop() {
      await app?.close();
      await jobs.stop();
      await database.close();
    },
  };
}
