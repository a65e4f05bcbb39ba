import {
  type CreateUpdateBody,
  POSTABLE_KINDS,
  URGENCIES,
  type Urgency,
} from "../../../../contracts/updates";
import { localToInstant, parseDate, parseTimeOfDay } from "../../../../core/time";
import type { AdvisedUpdate } from "../../../lib/advised-update";

/** The composer's form as typed; kept in localStorage per person so nothing typed is lost. */
export interface UpdateDraft {
  kind: (typeof POSTABLE_KINDS)[number];
  title: string;
  body: string;
  audience: "organisation" | "team" | "people";
  teamId: string | null;
  personIds: string[];
  urgency: Urgency;
  responderIds: string[];
  /** Proposals: `YYYY-MM-DDTHH:MM` on the author's wall clock (a datetime-local input). */
  decisionDue: string;
  /** Documents attached (sent as `links` of type document), in the order they were picked. */
  documentIds: string[];
}

/** The composer's form for an advised update; `null` when `state` holds none. */
export function draftFromAdvice(state: unknown): UpdateDraft | null {
  const advised = (state as { advised?: AdvisedUpdate } | null)?.advised;
  if (!advised || typeof advised.body !== "string" || !Array.isArray(advised.personIds)) return null;
  const { kind, body, teamId, personIds } = advised;
  return {
    ...emptyDraft(),
    kind: POSTABLE_KINDS.includes(kind) ? kind : "status",
    body,
    audience: personIds.length > 0 ? "people" : teamId ? "team" : "organisation",
    teamId,
    personIds,
    responderIds: personIds,
  };
}

export function emptyDraft(): UpdateDraft {
  return {
    kind: "status",
    title: "",
    body: "",
    audience: "organisation",
    teamId: null,
    personIds: [],
    urgency: "normal",
    responderIds: [],
    decisionDue: "",
    documentIds: [],
  };
}

/** Whether the draft holds nothing typed (then there is nothing to keep or restore). */
export const isBlank = (draft: UpdateDraft) => JSON.stringify(draft) === JSON.stringify(emptyDraft());

/** The instant of a `YYYY-MM-DDTHH:MM` wall-clock time in `zone`, or null when it is not a real one. */
export function wallClockInstant(value: string, zone: string): number | null {
  const [date = "", time = ""] = value.split("T");
  const minutes = parseTimeOfDay(time);
  if (parseDate(date) === null || minutes === null) return null;
  return localToInstant(zone, date, minutes);
}

/** The request body; times typed on the author's wall clock are sent as instants. */
export function toCreateBody(draft: UpdateDraft, zone: string): CreateUpdateBody {
  const audience: CreateUpdateBody["audience"] =
    draft.audience === "organisation"
      ? { organisation: true }
      : draft.audience === "team"
        ? draft.teamId
          ? { teamId: draft.teamId }
          : {}
        : { personIds: draft.personIds };
  const body: CreateUpdateBody = {
    kind: draft.kind,
    title: draft.title.trim(),
    body: draft.body,
    audience,
    urgency: draft.urgency,
  };
  if (draft.responderIds.length > 0) body.requiredResponderIds = draft.responderIds;
  if (draft.documentIds.length > 0) body.links = draft.documentIds.map((id) => ({ type: "document", id }));
  if (draft.kind === "proposal" && draft.decisionDue) {
    const due = wallClockInstant(draft.decisionDue, zone);
    // A time that is not one goes as typed, so the server names the field.
    body.decisionDue = due === null ? draft.decisionDue : new Date(due).toISOString();
  }
  return body;
}

// ── Kept between visits ──────────────────────────────────────────────────────────────────────────

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** One draft per person, so someone else signing in on the same browser never sees it. */
export const draftKey = (personId: string) => `tandem.update-draft.${personId}`;

const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T =>
  list.includes(value as T) ? (value as T) : fallback;
const textOr = (value: unknown, fallback: string) => (typeof value === "string" ? value : fallback);
const idsOr = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/** The kept draft, field by field over an empty one (so an older or damaged copy still opens), or null. */
export function loadDraft(store: Store, personId: string): UpdateDraft | null {
  try {
    const text = store.getItem(draftKey(personId));
    if (!text) return null;
    const kept = JSON.parse(text) as Record<string, unknown>;
    const fresh = emptyDraft();
    const draft: UpdateDraft = {
      kind: oneOf(POSTABLE_KINDS, kept.kind, fresh.kind),
      title: textOr(kept.title, ""),
      body: textOr(kept.body, ""),
      audience: oneOf(["organisation", "team", "people"] as const, kept.audience, fresh.audience),
      teamId: typeof kept.teamId === "string" ? kept.teamId : null,
      personIds: idsOr(kept.personIds),
      urgency: oneOf(URGENCIES, kept.urgency, fresh.urgency),
      responderIds: idsOr(kept.responderIds),
      decisionDue: textOr(kept.decisionDue, ""),
      documentIds: idsOr(kept.documentIds),
    };
    return isBlank(draft) ? null : draft;
  } catch {
    return null;
  }
}

/** Keeps the draft (a blank one is forgotten); a full or refused storage loses only the autosave. */
export function saveDraft(store: Store, personId: string, draft: UpdateDraft): void {
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
