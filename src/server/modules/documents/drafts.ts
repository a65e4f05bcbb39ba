import type { DraftBody, DraftView } from "../../../contracts/documents";
import type { Deps } from "../../deps";
import { invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { documentFor } from "./document-access";
import { presentDraft } from "./documents.present";
import { deleteOwnDraft } from "./documents.repo";
import { documentDrafts } from "./documents.table";

/**
 * PUT /documents/:id/draft: the editor's autosave, one row per person and document, seen by that
 * person only (the document's page shows it to them alone) until they save a version or drop it.
 */
export async function putDraft(deps: Deps, actor: Actor, id: string, input: DraftBody): Promise<DraftView> {
  const { document } = await documentFor(deps.db, actor, id, "document.edit");
  if (input.baseVersion > document.version)
    throw invalid(
      "baseVersion",
      `must not be newer than the document's latest version (${document.version})`,
    );
  const values = {
    title: input.title,
    body: input.body,
    baseVersion: input.baseVersion,
    savedAt: deps.clock.now(),
  };
  const [row] = await deps.db
    .insert(documentDrafts)
    .values({
      documentId: document.id,
      organisationId: document.organisationId,
      personId: actor.personId,
      ...values,
    })
    .onConflictDoUpdate({ target: [documentDrafts.documentId, documentDrafts.personId], set: values })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  return presentDraft(row);
}

/** DELETE /documents/:id/draft: drops the person's own draft (none is fine). */
export async function deleteDraft(deps: Deps, actor: Actor, id: string): Promise<void> {
  const { document } = await documentFor(deps.db, actor, id, "document.edit");
  await deleteOwnDraft(deps.db, document, actor.personId);
}
