import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { ESCALATION_MINUTES, type escalationOfferView } from "../../../contracts/updates";
import { DAY_MS } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { effectiveRulesOf } from "../agreement";
import { people, workingTimeOf } from "../people";
import { suggestSlots } from "../scheduling";
import type { UpdateRow } from "./update-access";
import { updateComments, updateResponders, updateResponses } from "./updates.table";

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
    participantsOf(db, update),
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

/**
 * Who takes part in a thread: its author first, then required responders, commenters and those who
 * answered the proposal — active people only, each once.
 */
async function participantsOf(db: Executor, update: UpdateRow): Promise<string[]> {
  const of = { organisationId: update.organisationId, updateId: update.id };
  const [responders, commenters, answerers] = await Promise.all([
    db
      .select({ personId: updateResponders.personId })
      .from(updateResponders)
      .where(
        and(
          eq(updateResponders.organisationId, of.organisationId),
          eq(updateResponders.updateId, of.updateId),
        ),
      ),
    db
      .selectDistinct({ personId: updateComments.authorId })
      .from(updateComments)
      .where(
        and(eq(updateComments.organisationId, of.organisationId), eq(updateComments.updateId, of.updateId)),
      ),
    db
      .select({ personId: updateResponses.personId })
      .from(updateResponses)
      .where(
        and(eq(updateResponses.organisationId, of.organisationId), eq(updateResponses.updateId, of.updateId)),
      ),
  ]);
  const involved = [...responders, ...commenters, ...answerers].map((r) => r.personId).sort();
  const ids = [...new Set([update.authorId, ...involved])];
  const active = await db
    .select({ id: people.id })
    .from(people)
    .where(
      and(eq(people.organisationId, update.organisationId), eq(people.active, true), inArray(people.id, ids)),
    );
  const isActive = new Set(active.map((p) => p.id));
  return ids.filter((id) => isActive.has(id));
}
