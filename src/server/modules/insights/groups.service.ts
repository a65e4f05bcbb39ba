import type { z } from "zod";
import type {
  insightsQuery,
  OrganisationInsightsView,
  organisationInsightsQuery,
  TeamInsightsView,
} from "../../../contracts/insights";
import type { Deps } from "../../deps";
import type { Actor } from "../../platform/http/actor";

export async function teamInsights(
  deps: Deps,
  actor: Actor,
  teamId: string,
  query: z.output<typeof insightsQuery>,
): Promise<TeamInsightsView> {
  void deps;
  void actor;
  void query;
  void teamId;
  throw new Error("not built yet");
}

export async function organisationInsights(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof organisationInsightsQuery>,
): Promise<OrganisationInsightsView> {
  void deps;
  void actor;
  void query;
  throw new Error("not built yet");
}
