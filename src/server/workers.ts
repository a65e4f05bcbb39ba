import type { Deps } from "./deps";
import { JOBS } from "./modules";

/** Runs every module's jobs in this process, and sends the periodic ones on their schedule. */
export async function registerWorkers(deps: Deps): Promise<void> {
  for (const job of JOBS) {
    await deps.jobs.work(job, deps);
    if (job.everyMinutes !== undefined) await deps.jobs.every(job.name, job.everyMinutes);
  }
}
