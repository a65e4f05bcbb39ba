import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { insightsRoutes } from "./insights.routes";
import { insightsJobs } from "./rollup.jobs";

/**
 * Balance insights (issue 16): weekly figures per person kept as rollups (`insight_weeks`), recomputed
 * for the person-weeks a change touches (`recompute-insights`, sent by the modules that own the data)
 * and reconciled nightly; read privately by the person, and as thresholded aggregates by teams and
 * the organisation.
 */
export { insightWeeks } from "./insights.table";
export { type RecomputeResult, recomputePersonWeeks, reconcileInsights } from "./rollup.service";

export const insightsModule = defineModule<Deps>({
  name: "insights",
  routes: [insightsRoutes],
  jobs: insightsJobs,
});
