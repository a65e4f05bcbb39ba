import { insightsChangedJob } from "../../../contracts/insights";
import { DAY_MS } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";

/** What a change of pattern or zone reaches in insights when no span is given: −13 weeks … +2 weeks. */
const BACK_MS = 13 * 7 * DAY_MS;
const AHEAD_MS = 2 * 7 * DAY_MS;

/**
 * Tells insights that a person's working time changed (pattern, zone, absence, zone change): their
 * weeks over `span` (by default the 13 weeks before now to 2 weeks ahead) are recomputed, in the
 * caller's transaction.
 */
export async function workingTimeChangedForInsights(
  tx: Executor,
  deps: Pick<Deps, "jobs" | "clock">,
  organisationId: string,
  personId: string,
  span?: { start: Date; end: Date },
): Promise<void> {
  const now = deps.clock.now().getTime();
  const [from, to] = span ? [span.start.getTime(), span.end.getTime()] : [now - BACK_MS, now + AHEAD_MS];
  await deps.jobs.send(tx, insightsChangedJob, {
    organisationId,
    personIds: [personId],
    from: new Date(from).toISOString(),
    to: new Date(Math.max(to, from + 1)).toISOString(),
  });
}
