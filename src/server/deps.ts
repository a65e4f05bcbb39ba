import type { Config } from "./config";
import type { Database, Db } from "./platform/db/types";
import type { Jobs } from "./platform/jobs";

/** What every service may use; built once in main.ts (or by a test) and passed down. */
export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  jobs: Jobs;
}
