import type { z } from "zod";
import type { insightsQuery, MyInsightsView } from "../../../contracts/insights";
import type { Deps } from "../../deps";
import type { Actor } from "../../platform/http/actor";

export async function myInsights(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof insightsQuery>,
): Promise<MyInsightsView> {
  void deps;
  void actor;
  void query;
  throw new Error("not built yet");
}
