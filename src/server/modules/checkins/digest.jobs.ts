import { z } from "zod";
import type { Deps } from "../../deps";
import { defineJob } from "../../platform/job";

/** When every participant's window for a local date has closed: the digest, posted once to the feed. */
export const postCheckinDigestsJob = defineJob({
  name: "post-checkin-digests",
  payload: z.object({}),
  everyMinutes: 5,
  handle: async (_deps: Deps) => {
    throw new Error("not yet written");
  },
});
