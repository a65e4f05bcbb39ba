import { and, eq } from "drizzle-orm";
import type { LogDecisionView } from "../../../contracts/updates";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { conflict, invalid } from "../../platform/errors";
import { recordAudit } from "../audit";
import { notify } from "../notifications";
import { nameOf } from "../people";
import { visibleLinks } from "./decisions.service";
import { participantsOfThread } from "./participants";
import { publishUpdateChanged, recipientsOf, type UpdateRow } from "./update-access";
import { updateDecisions, updates } from "./updates.table";

/**
 * Records a thread's decision in the caller's transaction: checks `supersedes` names an earlier
 * decision of the organisation (a meeting's or a thread's; 400 otherwise), inserts the row (409 if the
 * thread already has one), closes the thread, notifies its participants (`update.decided`) and
 * publishes `update.changed`. Used by `POST /updates/:id/decision` and by a completed escalation meeting.
 */
export async function recordDecision(
  tx: Executor,
  deps: Pick<Deps, "jobs" | "events" | "clock" | "config">,
  update: UpdateRow,
  input: { text: string; supersedes?: string | undefined; by: string },
): Promise<LogDecisionView> {
  const { organisationId } = update;
  if (input.supersedes) {
    // Only a decision the decider could open: the same answer for one that does not exist, so an id
    // of a one-to-one's decision cannot be probed.
    const [found] = await visibleLinks(tx, input.by, organisationId, [input.supersedes]);
    if (found?.id !== input.supersedes) throw invalid("supersedes", "no such decision");
  }
  const now = deps.clock.now();
  // The unique index on update_id keeps one decision per thread; "do nothing" leaves the caller's
  // transaction usable (a failed insert would abort it) and answers 409 for the second.
  const [row] = await tx
    .insert(updateDecisions)
    .values({
      updateId: update.id,
      organisationId,
      text: input.text,
      supersedes: input.supersedes ?? null,
      recordedBy: input.by,
      createdAt: now,
    })
    .onConflictDoNothing({ target: updateDecisions.updateId })
    .returning();
  if (!row) throw conflict("This thread already has a decision");
  const [closed] = await tx
    .update(updates)
    .set({ closedAt: now })
    .where(and(eq(updates.organisationId, organisationId), eq(updates.id, update.id)))
    .returning();
  const name = await nameOf(tx, organisationId, input.by);
  // Its participants among the people it is still addressed to (active, and able to open it).
  const [participants, audience] = await Promise.all([
    participantsOfThread(tx, update),
    recipientsOf(tx, update),
  ]);
  const recipients = participants.filter((id) => id !== input.by && audience.includes(id));
  if (recipients.length > 0) {
    // A pointer, not the decision's text: the outbox is readable by admins and webhooks leave the
    // organisation, while the thread is for its audience only.
    const pointer = `${name} recorded the decision on “${update.title}”. Open the thread to read it.`;
    await notify(tx, deps, {
      organisationId,
      recipients,
      kind: "update.decided",
      subject: `Decided: ${update.title}`,
      body: pointer,
      webhookBody: "A thread's decision was recorded; open it in Tandem.",
      link: `/updates/${update.id}`,
      objectRef: { type: "update", id: update.id },
      actorId: input.by,
      teamId: update.audienceTeamId,
    });
  }
  await recordAudit(tx, {
    organisationId,
    actorId: input.by,
    action: "update.decided",
    targetType: "update",
    targetId: update.id,
    data: { decisionId: row.id, supersedes: row.supersedes },
  });
  await publishUpdateChanged(tx, deps, closed ?? update);
  return {
    id: row.id,
    text: row.text,
    source: { type: "update", id: update.id, title: update.title },
    decidedBy: { personId: input.by, name },
    decidedAt: row.createdAt.toISOString(),
    supersedes: row.supersedes,
    supersededBy: null,
    teamId: update.audienceTeamId,
  };
}
