import type { Deps } from "./deps";

/** Every queue is created at start: pg-boss 10 silently drops jobs sent to a queue that does not exist. */
export const JOB_QUEUES = [] as const satisfies readonly string[];

export async function registerWorkers(_deps: Deps): Promise<void> {}
