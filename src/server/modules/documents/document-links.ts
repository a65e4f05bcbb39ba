import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";
import { documents } from "./documents.table";
import { documentVisibleTo } from "./documents.visibility";

/**
 * Of `ids`, the documents the actor may read, with their current titles (one query) — for an
 * update's attachments and a meeting's pre-reads, which may only name documents their author can
 * open (so a link never tells readers about a document its author could not see), and for showing
 * each viewer only the links they may follow.
 */
export async function visibleDocuments(
  db: Executor,
  actor: Pick<Actor, "organisationId" | "personId">,
  ids: readonly string[],
): Promise<Map<string, { id: string; title: string }>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: documents.id, title: documents.title })
    .from(documents)
    .where(
      and(
        eq(documents.organisationId, actor.organisationId),
        inArray(documents.id, wanted),
        documentVisibleTo(actor.personId),
      ),
    );
  return new Map(rows.map((r) => [r.id, r]));
}
