import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { ActionItemView } from "../../../contracts/meetings";
import type { threadActionItemBody } from "../../../contracts/updates";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { invalid, notFound } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { notify } from "../notifications";
import { publishUpdateChanged, recipientsOf, updateFor, updates } from "../updates";
import { actionItems } from "./meetings.table";
import { presentActionItem } from "./outcomes.repo";

type ActionItemRow = typeof actionItems.$inferSelect;
type UpdateRow = typeof updates.$inferSelect;

/**
 * POST /updates/:id/action-items (`update.contribute`): an action item agreed in a thread. Its owner
 * must be someone the thread is addressed to, and is told (`action_item.assigned`) unless they gave it
 * to themselves. A closed thread still takes action items: deciding is often what creates them.
 */
export async function addThreadActionItem(
  deps: Deps,
  actor: Actor,
  updateId: string,
  input: z.infer<typeof threadActionItemBody>,
): Promise<ActionItemView> {
  return deps.db.transaction(async (tx) => {
    const { update } = await updateFor(tx, actor, updateId, "update.contribute");
    if (!(await recipientsOf(tx, update)).includes(input.ownerId))
      throw invalid("ownerId", "this person is not part of this thread");
    const [row] = await tx
      .insert(actionItems)
      .values({
        updateId,
        organisationId: actor.organisationId,
        text: input.text,
        ownerId: input.ownerId,
        due: input.due ?? null,
        createdBy: actor.personId,
        createdAt: deps.clock.now(),
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    if (input.ownerId !== actor.personId) {
      const due = row.due ? ` (due ${row.due})` : "";
      await notify(tx, deps, {
        organisationId: actor.organisationId,
        recipients: [input.ownerId],
        kind: "action_item.assigned",
        subject: `New action item from ${update.title}`,
        body: `${row.text}${due}`,
        // Webhooks carry no item text.
        webhookBody: `You have a new action item${due}; see the thread.`,
        link: `/updates/${update.id}`,
        objectRef: { type: "action_item", id: row.id },
        actorId: actor.personId,
        teamId: update.audienceTeamId,
      });
    }
    await publishUpdateChanged(tx, deps, update);
    return presentActionItem(row, update.title);
  });
}

/**
 * Who may change a thread's action item: its owner (even one the thread no longer reaches, as with
 * a meeting's), or anyone who may contribute to the thread; everyone else gets 404. Gives the thread,
 * for the item's title and the live event.
 */
export async function threadOfItem(tx: Executor, actor: Actor, item: ActionItemRow): Promise<UpdateRow> {
  if (item.updateId === null) throw notFound("Action item");
  if (item.ownerId !== actor.personId)
    return (await updateFor(tx, actor, item.updateId, "update.contribute")).update;
  // Its owner may change it even when the thread no longer reaches them: no read check here.
  const [update] = await tx
    .select()
    .from(updates)
    .where(and(eq(updates.id, item.updateId), eq(updates.organisationId, item.organisationId)));
  if (!update) throw notFound("Action item");
  return update;
}
