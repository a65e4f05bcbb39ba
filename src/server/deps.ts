import type { Config } from "./config";
import type { Database, Db } from "./platform/db/types";
import type { Jobs } from "./platform/jobs";
import type { Mailer } from "./platform/mail";

/** What every service may use; built once in main.ts (or by a test) and passed down. */
export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  jobs: Jobs;
  /** Undefined without SMTP_URL: email is then kept in the outbox for admins to read. */
  mailer: Mailer | undefined;
}
