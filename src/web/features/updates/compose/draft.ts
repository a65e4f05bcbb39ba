import {
  type CreateUpdateBody,
  POSTABLE_KINDS,
  URGENCIES,
  type Urgency,
} from "../../../../contracts/updates";
import { localToInstant, parseDate, parseTimeOfDay } from "../../../../core/time";
import type { AdvisedUpdate } from "../../../lib/advised-update";
import { type AudienceForm, audienceInput, keptAudience } from "../../../lib/audience";
import { keptDraft, oneOf, stringsOf, textOr } from "../../../lib/kept-draft";

/** The composer's form as typed; kept in localStorage per person so nothing typed is lost. */
export interface UpdateDraft extends AudienceForm {
  kind: (typeof POSTABLE_KINDS)[number];
  title: string;
  body: string;
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

/** The instant of a `YYYY-MM-DDTHH:MM` wall-clock time in `zone`, or null when it is not a real one. */
export function wallClockInstant(value: string, zone: string): number | null {
  const [date = "", time = ""] = value.split("T");
  const minutes = parseTimeOfDay(time);
  if (parseDate(date) === null || minutes === null) return null;
  return localToInstant(zone, date, minutes);
}

/** The request body; times typed on the author's wall clock are sent as instants. */
export function toCreateBody(draft: UpdateDraft, zone: string): CreateUpdateBody {
  const body: CreateUpdateBody = {
    kind: draft.kind,
    title: draft.title.trim(),
    body: draft.body,
    audience: audienceInput(draft),
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

/** The composer's draft, kept per person until the update is posted. */
export const updateDrafts = keptDraft<UpdateDraft>("update-draft", emptyDraft, (kept, fresh) => ({
  kind: oneOf(POSTABLE_KINDS, kept.kind, fresh.kind),
  title: textOr(kept.title),
  body: textOr(kept.body),
  ...keptAudience(kept),
  urgency: oneOf(URGENCIES, kept.urgency, fresh.urgency),
  responderIds: stringsOf(kept.responderIds),
  decisionDue: textOr(kept.decisionDue),
  documentIds: stringsOf(kept.documentIds),
}));
