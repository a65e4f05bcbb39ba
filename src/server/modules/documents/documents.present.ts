import type { DocumentSummaryView, DocumentView, DraftView } from "../../../contracts/documents";
import { may } from "../../../core/access";
import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";
import { renderMarkdown } from "../../platform/markdown";
import type { DocumentAccess, DocumentRow } from "./document-access";
import { type DraftRow, draftOf, type SummaryParts, summaryParts } from "./documents.repo";
import { resolveReferences } from "./references";
import { usedIn } from "./used-in";

const personOf = (parts: SummaryParts, personId: string) => ({
  personId,
  name: parts.names.get(personId) ?? "Someone",
});

function summaryOf(row: DocumentRow, parts: SummaryParts): DocumentSummaryView {
  return {
    id: row.id,
    title: row.title,
    tags: row.tags,
    owner: personOf(parts, row.ownerId),
    audience: {
      organisation: row.audienceOrganisation,
      teamId: row.audienceTeamId,
      teamName: row.audienceTeamId ? (parts.teamNames.get(row.audienceTeamId) ?? null) : null,
      people: parts.audience.get(row.id) ?? [],
    },
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: personOf(parts, row.updatedBy),
  };
}

/** Summaries of `rows` in their order: a constant number of queries for any page. */
export async function presentSummaries(
  db: Executor,
  organisationId: string,
  rows: readonly DocumentRow[],
): Promise<DocumentSummaryView[]> {
  if (rows.length === 0) return [];
  const parts = await summaryParts(db, organisationId, rows);
  return rows.map((row) => summaryOf(row, parts));
}

export const presentDraft = (draft: DraftRow): DraftView => ({
  title: draft.title,
  body: draft.body,
  baseVersion: draft.baseVersion,
  savedAt: draft.savedAt.toISOString(),
});

/**
 * The whole document as `GET /documents/:id` answers it for this actor: its text and rendering,
 * where it is used (only what the actor may open), the actor's own draft, what the actor may do.
 * Never writes.
 */
export async function presentDocument(
  db: Executor,
  actor: Actor,
  access: DocumentAccess,
  publicUrl: string,
): Promise<DocumentView> {
  const { document, facts } = access;
  const [[summary], used, draft, references] = await Promise.all([
    presentSummaries(db, document.organisationId, [document]),
    usedIn(db, actor, document),
    draftOf(db, document, actor.personId),
    resolveReferences(db, actor, [document.body], publicUrl),
  ]);
  if (!summary) throw new Error("presentDocument: no summary");
  return {
    ...summary,
    body: document.body,
    html: renderMarkdown(document.body, references),
    createdAt: document.createdAt.toISOString(),
    usedIn: used,
    draft: draft ? presentDraft(draft) : null,
    can: {
      edit: may(actor, "document.edit", facts),
      delete: may(actor, "document.delete", facts),
      share: may(actor, "document.share", facts),
    },
  };
}
