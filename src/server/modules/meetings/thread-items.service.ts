import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { ActionItemView } from "../../../contracts/meetings";
import type { threadActionItemBody } from "../../../contracts/updates";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { invalid, notFound } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { publishUpdateChanged, recipientsOf, updateFor, updates } from "../updates";
import { insertActionItem } from "./action-item-add";
import type { actionItems } from "./meetings.table";
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
    const place = {
      at: { updateId },
      noun: "thread",
      title: update.title,
      link: `/updates/${update.id}`,
      teamId: update.audienceTeamId,
      privateText: false,
    } as const;
    const row = await insertActionItem(tx, deps, actor, place, input);
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
