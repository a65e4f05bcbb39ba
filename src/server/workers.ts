import type { Deps } from "./deps";
import { JOBS } from "./modules";

/**
 * Runs every module's jobs in this process, and sends the periodic ones on their schedule — unless
 * `periodic` is false: integration tests run the sweeps themselves with the clock they set, since a
 * scheduled sweep on the real clock would reach into every test's organisation in a shared database.
 */
export async function registerWorkers(deps: Deps, options: { periodic?: boolean } = {}): Promise<void> {
  for (const job of JOBS) {
    await deps.jobs.work(job, deps);
    if (job.everyMinutes !== undefined && options.periodic !== false)
      await deps.jobs.every(job.name, job.everyMinutes);
  }
}
