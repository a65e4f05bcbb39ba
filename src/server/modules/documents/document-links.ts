import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";

/**
 * Of `ids`, the documents the actor may read, with their current titles — for an update's
 * attachments and a meeting's pre-reads, which may only name documents their author can open (so a
 * link never tells readers about a document its author could not see).
 */
export async function visibleDocuments(
  _db: Executor,
  _actor: Actor,
  _ids: readonly string[],
): Promise<Map<string, { id: string; title: string }>> {
  throw new Error("not built yet");
}
