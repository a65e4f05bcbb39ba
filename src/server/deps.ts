import type { Config } from "./config";
import type { Clock } from "./platform/clock";
import type { Database, Db } from "./platform/db/types";
import type { LiveEvents } from "./platform/events/live-events";
import type { Jobs } from "./platform/jobs";
import type { Mailer } from "./platform/mail";
import type { Storage } from "./platform/storage";
import type { WorkerPool } from "./platform/workers/pool";

/** What every service may use; built once in main.ts (or by a test) and passed down. */
export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  jobs: Jobs;
  /** Undefined without SMTP_URL: email is then kept in the outbox for admins to read. */
  mailer: Mailer | undefined;
  /** Threads for slow or untrusted work (reading calendars); created on first use. */
  workers: WorkerPool;
  /** Live events for open streams: publish inside the transaction of the change. */
  events: LiveEvents;
  /** The time: `systemClock`, or a test's own to drive digests and retries without waiting. */
  clock: Clock;
  /** Files (recordings): the data directory or an S3-compatible store, per STORAGE_URL. */
  storage: Storage;
}
