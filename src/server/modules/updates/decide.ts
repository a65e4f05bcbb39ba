import type { LogDecisionView } from "../../../contracts/updates";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import type { UpdateRow } from "./update-access";

/**
 * Records a thread's decision in the caller's transaction: checks `supersedes` names an earlier
 * decision of the organisation (a meeting's or a thread's; 400 otherwise), inserts the row (409 if the
 * thread already has one), closes the thread, notifies its participants (`update.decided`) and
 * publishes `update.changed`. Used by `POST /updates/:id/decision` and by a completed escalation meeting.
 * TODO(issue 12): implemented by the thread helper.
 */
export async function recordDecision(
  _tx: Executor,
  _deps: Pick<Deps, "jobs" | "events" | "clock" | "config">,
  _update: UpdateRow,
  _input: { text: string; supersedes?: string | undefined; by: string },
): Promise<LogDecisionView> {
  throw new Error("recordDecision: not built yet");
}
