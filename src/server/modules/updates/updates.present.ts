import type { UpdateView } from "../../../contracts/updates";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";
import type { UpdateAccess } from "./update-access";

/**
 * The whole thread as `GET /updates/:id` answers it for this actor (comments, reactions,
 * acknowledgements, seen by — names for the author only —, responses and tally, decision, stalled
 * and the escalation offer, versions, links, what the actor may do). Never writes.
 * TODO(issue 12): implemented by the updates helper.
 */
export async function presentUpdate(
  _db: Executor,
  _deps: Pick<Deps, "clock">,
  _actor: Actor,
  _access: UpdateAccess,
): Promise<UpdateView> {
  throw new Error("presentUpdate: not built yet");
}
