import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";
import { notify } from "../notifications";
import { actionItems } from "./meetings.table";

type ActionItemRow = typeof actionItems.$inferSelect;

/** Where an action item is agreed, as its notice speaks of it. */
export interface ItemPlace {
  /** The row's link: a meeting's or a thread's (exactly one). */
  at: { meetingId: string } | { updateId: string };
  noun: "meeting" | "thread";
  title: string;
  link: string;
  teamId: string | null;
  /** A one-to-one's or review's: the outbox (readable by admins) never holds its text. */
  privateText: boolean;
}

/**
 * Inserts an action item agreed in a meeting or a thread, in the caller's transaction (its owner
 * already checked by the caller), and tells its owner (`action_item.assigned`) unless they gave it to
 * themselves. Webhooks carry no item text.
 */
export async function insertActionItem(
  tx: Executor,
  deps: Deps,
  actor: Actor,
  place: ItemPlace,
  input: { text: string; ownerId: string; due?: string | null | undefined },
): Promise<ActionItemRow> {
  const [row] = await tx
    .insert(actionItems)
    .values({
      ...place.at,
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
    const pointer = `You have a new action item${due}; see the ${place.noun}.`;
    await notify(tx, deps, {
      organisationId: actor.organisationId,
      recipients: [input.ownerId],
      kind: "action_item.assigned",
      subject: `New action item from ${place.title}`,
      body: place.privateText ? pointer : `${row.text}${due}`,
      webhookBody: pointer,
      link: place.link,
      objectRef: { type: "action_item", id: row.id },
      actorId: actor.personId,
      teamId: place.teamId,
    });
  }
  return row;
}
