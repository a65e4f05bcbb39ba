import { z } from "zod";
import { insightsChangedJob } from "../../../contracts/insights";
import { DAY_MS } from "../../../core/time";
import type { Deps } from "../../deps";
import { defineJob } from "../../platform/job";
import { recomputePersonWeeks, reconcileInsights } from "./rollup.service";

/** A change's span is recomputed at most this far either side of now (rollups are read up to a year back). */
const FARTHEST_MS = 400 * DAY_MS;

/** Recompute the person-weeks a change touched (sent by the modules whose data feeds insights). */
export const recomputeInsightsJob = defineJob({
  ...insightsChangedJob,
  handle: async (deps: Deps, payload) => {
    const now = deps.clock.now().getTime();
    const from = Math.max(Date.parse(payload.from), now - FARTHEST_MS);
    const to = Math.min(Date.parse(payload.to), now + FARTHEST_MS);
    if (!(from < to)) return { people: 0, personWeeks: 0 };
    return recomputePersonWeeks(deps, payload.organisationId, payload.personIds, from, to);
  },
});

/** Nightly: recompute every active person's recent weeks, whatever was missed. */
export const reconcileInsightsJob = defineJob({
  name: "reconcile-insights",
  payload: z.object({}),
  everyMinutes: 24 * 60,
  handle: (deps: Deps) => reconcileInsights(deps),
});

export const insightsJobs = [recomputeInsightsJob, reconcileInsightsJob];
