import type { CreateDocumentBody } from "../../../../contracts/documents";

/** Who a document is for, as the form asks it: one choice, then the team or the people. */
export interface AudienceForm {
  audience: "organisation" | "team" | "people";
  teamId: string | null;
  personIds: string[];
}

/** "New document" as typed; kept in localStorage per person until it is created. */
export interface DocumentDraft extends AudienceForm {
  title: string;
  body: string;
  tags: string[];
}

export function emptyDraft(): DocumentDraft {
  return { title: "", body: "", audience: "organisation", teamId: null, personIds: [], tags: [] };
}

/** Whether the draft holds nothing typed (then there is nothing to keep or restore). */
export const isBlank = (draft: DocumentDraft) => JSON.stringify(draft) === JSON.stringify(emptyDraft());

/** The API's audience; a team not chosen yet goes as `{}`, so the server names what is missing. */
export function audienceInput(form: AudienceForm): CreateDocumentBody["audience"] {
  if (form.audience === "organisation") return { organisation: true };
  if (form.audience === "team") return form.teamId ? { teamId: form.teamId } : {};
  return { personIds: form.personIds };
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

// ── Kept between visits ──────────────────────────────────────────────────────────────────────────

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** One draft per person, so someone else signing in on the same browser never sees it. */
export const draftKey = (personId: string) => `tandem.document-draft.${personId}`;

const AUDIENCES = ["organisation", "team", "people"] as const;
const textOr = (value: unknown) => (typeof value === "string" ? value : "");
const strings = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/** The kept draft, field by field over an empty one (so a damaged copy still opens), or null. */
export function loadDraft(store: Store, personId: string): DocumentDraft | null {
  try {
    const text = store.getItem(draftKey(personId));
    if (!text) return null;
    const kept = JSON.parse(text) as Record<string, unknown>;
    const audience = AUDIENCES.find((a) => a === kept.audience) ?? "organisation";
    const draft: DocumentDraft = {
      title: textOr(kept.title),
      body: textOr(kept.body),
      audience,
      teamId: typeof kept.teamId === "string" ? kept.teamId : null,
      personIds: strings(kept.personIds),
      tags: strings(kept.tags),
    };
    return isBlank(draft) ? null : draft;
  } catch {
    return null;
  }
}

/** Keeps the draft (a blank one is forgotten); a full or refused storage loses only the autosave. */
export function saveDraft(store: Store, personId: string, draft: DocumentDraft): void {
  try {
    if (isBlank(draft)) store.removeItem(draftKey(personId));
    else store.setItem(draftKey(personId), JSON.stringify(draft));
  } catch {
    // Autosave is a convenience; the form still holds what was typed.
  }
}

export function clearDraft(store: Store, personId: string): void {
  try {
    store.removeItem(draftKey(personId));
  } catch {
    // Nothing kept, nothing to clear.
  }
}
