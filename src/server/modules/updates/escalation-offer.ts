import type { z } from "zod";
import { ESCALATION_MINUTES, type escalationOfferView } from "../../../contracts/updates";
import { DAY_MS } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { effectiveRulesOf } from "../agreement";
import { workingTimeOf } from "../people";
import { suggestSlots } from "../scheduling";
import { participantsOfThread } from "./participants";
import type { UpdateRow } from "./update-access";

export type EscalationOffer = z.infer<typeof escalationOfferView>;

/** The best slot is looked for this far ahead. */
const OFFER_WINDOW_MS = 7 * DAY_MS;

/**
 * The short meeting offered for a stalled thread: its participants (the author, required
 * responders, and everyone who commented or answered), a length within 15–30 minutes per the
 * agreement (`ESCALATION_MINUTES`, never above `maxMeetingMinutes`), and the best overlap slot of
 * the participants in the next 7 days from the slot engine (`scheduling.suggestSlots`), or null.
 * Used by the thread's view and by `POST /updates/:id/escalation` (meetings module) alike. Never writes.
 */
export async function escalationOffer(
  db: Executor,
  deps: Pick<Deps, "clock">,
  update: UpdateRow,
  durationMinutes?: number,
): Promise<EscalationOffer> {
  const { organisationId } = update;
  const [participantIds, rules] = await Promise.all([
    participantsOfThread(db, update),
    effectiveRulesOf(db, organisationId, update.audienceTeamId),
  ]);
  const wanted = Math.min(
    ESCALATION_MINUTES.max,
    Math.max(ESCALATION_MINUTES.min, durationMinutes ?? ESCALATION_MINUTES.default),
  );
  const length = Math.min(wanted, rules.maxMeetingMinutes);
  const now = deps.clock.now().getTime();
  const window = { start: now, end: now + OFFER_WINDOW_MS };
  // A day either side, so the slot finder sees where the working days at the window's edges really start.
  const working = await workingTimeOf(db, organisationId, participantIds, {
    start: window.start - DAY_MS,
    end: window.end + DAY_MS,
  });
  const [slot] = await suggestSlots(db, organisationId, working, window, length, 1, rules);
  return { durationMinutes: length, participantIds, slot: slot ?? null };
}
