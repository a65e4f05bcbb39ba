import type { z } from "zod";
import type { escalationOfferView } from "../../../contracts/updates";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import type { UpdateRow } from "./update-access";

export type EscalationOffer = z.infer<typeof escalationOfferView>;

/**
 * The short meeting offered for a stalled thread: its participants (the author, required
 * responders, and everyone who commented or answered), a length within 15–30 minutes per the
 * agreement (`ESCALATION_MINUTES`, never above `maxMeetingMinutes`), and the best overlap slot of
 * the participants in the next 7 days from the slot engine (`scheduling.suggestSlots`), or null.
 * Used by the thread's view and by `POST /updates/:id/escalation` (meetings module) alike.
 * TODO(issue 12): implemented by the escalation helper.
 */
export async function escalationOffer(
  _db: Executor,
  _deps: Pick<Deps, "clock">,
  update: UpdateRow,
  durationMinutes?: number,
): Promise<EscalationOffer> {
  return { durationMinutes: durationMinutes ?? 25, participantIds: [update.authorId], slot: null };
}
