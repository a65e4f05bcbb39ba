import { z } from "zod";
import type { Deps } from "../../deps";
import { defineJob } from "../../platform/job";
import { remindReplyBy } from "./reply-reminders";
import { flagStalledThreads } from "./stall-sweep";

/** Reminds required responders at about 50% and 90% of their time to the reply-by, once each. */
export const remindReplyByJob = defineJob({
  name: "remind-reply-by",
  payload: z.object({}),
  everyMinutes: 5,
  handle: (deps: Deps) => remindReplyBy(deps),
});

/** Flags stalled threads once and offers their people a short meeting. */
export const flagStalledThreadsJob = defineJob({
  name: "flag-stalled-threads",
  payload: z.object({}),
  everyMinutes: 15,
  handle: (deps: Deps) => flagStalledThreads(deps),
});

/** Reply-by reminders and stalled threads (periodic). */
export const updateJobs = [remindReplyByJob, flagStalledThreadsJob];
