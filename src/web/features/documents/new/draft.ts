import type { CreateDocumentBody } from "../../../../contracts/documents";
import { type AudienceForm, audienceInput, keptAudience } from "../../../lib/audience";
import { keptDraft, stringsOf, textOr } from "../../../lib/kept-draft";

/** "New document" as typed; kept in localStorage per person until it is created. */
export interface DocumentDraft extends AudienceForm {
  title: string;
  body: string;
  tags: string[];
}

export function emptyDraft(): DocumentDraft {
  return { title: "", body: "", audience: "organisation", teamId: null, personIds: [], tags: [] };
}

export function toCreateBody(draft: DocumentDraft): CreateDocumentBody {
  const body: CreateDocumentBody = {
    title: draft.title.trim(),
    body: draft.body,
    audience: audienceInput(draft),
  };
  if (draft.tags.length > 0) body.tags = draft.tags;
  return body;
}

/** "New document", kept per person until it is created. */
export const documentDrafts = keptDraft<DocumentDraft>("document-draft", emptyDraft, (kept) => ({
  title: textOr(kept.title),
  body: textOr(kept.body),
  ...keptAudience(kept),
  tags: stringsOf(kept.tags),
}));
