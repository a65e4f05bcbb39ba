import { insightsChangedJob } from "../../../contracts/insights";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";

/**
 * Tells insights that a person's check-in answers or a blocker routed to them changed: their weeks
 * over [from, to] are recomputed, in the caller's transaction.
 */
export async function checkinsChangedForInsights(
  tx: Executor,
  deps: Pick<Deps, "jobs">,
  organisationId: string,
  personId: string,
  span: { from: Date; to: Date },
): Promise<void> {
  const [from, to] = [span.from.getTime(), span.to.getTime()];
  await deps.jobs.send(tx, insightsChangedJob, {
    organisationId,
    personIds: [personId],
    from: new Date(Math.min(from, to)).toISOString(),
    to: new Date(Math.max(from, to) + 1).toISOString(),
  });
}
