import { insightsChangedJob } from "../../../contracts/insights";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";

/**
 * Tells insights that meetings changed for these people (created, moved, cancelled, answered): the
 * weeks from the earliest start to the latest end (old and new times) are recomputed, in the
 * caller's transaction so the job exists iff the change committed.
 */
export async function meetingsChangedForInsights(
  tx: Executor,
  deps: Pick<Deps, "jobs">,
  organisationId: string,
  personIds: readonly string[],
  spans: readonly { startAt: Date; endAt: Date }[],
): Promise<void> {
  if (personIds.length === 0 || spans.length === 0) return;
  const from = Math.min(...spans.map((s) => s.startAt.getTime()));
  const to = Math.max(...spans.map((s) => s.endAt.getTime()));
  await deps.jobs.send(tx, insightsChangedJob, {
    organisationId,
    personIds: [...new Set(personIds)],
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  });
}
