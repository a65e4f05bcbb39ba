import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { people } from "../people/people.table";
import type { UpdateRow } from "./update-access";
import { updateComments, updateResponders, updateResponses } from "./updates.table";

type Thread = Pick<UpdateRow, "id" | "authorId">;

/**
 * Who takes part in each of `threads` (all of one organisation): its author first, then its required
 * responders, commenters and those who answered the proposal (by id) — active people only, each once.
 * Four queries whatever the number of threads: the escalation offer, the decision's notice and the
 * stall sweep all ask here.
 */
export async function participantsOf(
  db: Executor,
  organisationId: string,
  threads: readonly Thread[],
): Promise<Map<string, string[]>> {
  if (threads.length === 0) return new Map();
  const ids = threads.map((t) => t.id);
  const [responders, commenters, answerers] = await Promise.all([
    db
      .select({ updateId: updateResponders.updateId, personId: updateResponders.personId })
      .from(updateResponders)
      .where(
        and(eq(updateResponders.organisationId, organisationId), inArray(updateResponders.updateId, ids)),
      ),
    db
      .selectDistinct({ updateId: updateComments.updateId, personId: updateComments.authorId })
      .from(updateComments)
      .where(and(eq(updateComments.organisationId, organisationId), inArray(updateComments.updateId, ids))),
    db
      .select({ updateId: updateResponses.updateId, personId: updateResponses.personId })
      .from(updateResponses)
      .where(and(eq(updateResponses.organisationId, organisationId), inArray(updateResponses.updateId, ids))),
  ]);
  const involved = new Map<string, string[]>();
  for (const { updateId, personId } of [...responders, ...commenters, ...answerers])
    involved.set(updateId, [...(involved.get(updateId) ?? []), personId]);
  const everyone = threads.map((t) => [...new Set([t.authorId, ...(involved.get(t.id) ?? []).sort()])]);
  const active = await db
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.organisationId, organisationId),
        eq(people.active, true),
        inArray(people.id, [...new Set(everyone.flat())]),
      ),
    );
  const isActive = new Set(active.map((p) => p.id));
  return new Map(threads.map((t, i) => [t.id, (everyone[i] ?? []).filter((id) => isActive.has(id))]));
}

/** One thread's participants: see {@link participantsOf}. */
export async function participantsOfThread(db: Executor, update: UpdateRow): Promise<string[]> {
  return (await participantsOf(db, update.organisationId, [update])).get(update.id) ?? [];
}
