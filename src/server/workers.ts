import type { Deps } from "./deps";
import { deliverEmail, SEND_EMAIL_QUEUE, type SendEmailJob } from "./modules/outbox";

/** Every queue is created at start: pg-boss 10 silently drops jobs sent to a queue that does not exist. */
export const JOB_QUEUES = [SEND_EMAIL_QUEUE] as const satisfies readonly string[];

export async function registerWorkers(deps: Deps): Promise<void> {
  await deps.jobs.work(SEND_EMAIL_QUEUE, (data) => deliverEmail(deps, data as unknown as SendEmailJob));
}
