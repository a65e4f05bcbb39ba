import { z } from "zod";
import { insightsChangedJob } from "../../../contracts/insights";
import type { Deps } from "../../deps";
import { defineJob } from "../../platform/job";

/** Recompute the person-weeks a change touched (sent by the modules whose data feeds insights). */
export const recomputeInsightsJob = defineJob({
  ...insightsChangedJob,
  handle: async (deps: Deps, payload) => {
    void deps;
    void payload;
    throw new Error("not built yet");
  },
});

/** Nightly: recompute every active person's recent weeks, whatever was missed. */
export const reconcileInsightsJob = defineJob({
  name: "reconcile-insights",
  payload: z.object({}),
  everyMinutes: 24 * 60,
  handle: async (deps: Deps) => {
    void deps;
    throw new Error("not built yet");
  },
});

export const insightsJobs = [recomputeInsightsJob, reconcileInsightsJob];
