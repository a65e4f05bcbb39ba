import type { MeetingKind } from "../../../../contracts/agreement";
import type { AgendaItemInput, CreateMeetingBody, TemplateView } from "../../../../contracts/meetings";
import { addDays, instantToLocal, localToInstant, parseDate, parseTimeOfDay } from "../../../../core/time";

/** The New meeting form as typed: dates and times on the viewer's wall clock, text as written. */

export interface AgendaRow extends AgendaItemInput {
  /** A stable React key for a row being edited. */
  key: string;
}

export type Repeat = "none" | "weekly" | "biweekly" | "monthly";

export interface MeetingDraft {
  title: string;
  kind: MeetingKind;
  purpose: string;
  /** `YYYY-MM-DD` and `HH:MM` in the viewer's zone. */
  date: string;
  time: string;
  durationMinutes: number;
  required: string[];
  optional: string[];
  teamId: string | null;
  location: string;
  repeat: Repeat;
  endBy: "count" | "until";
  count: number;
  until: string;
  agenda: AgendaRow[];
  /** Documents to read before the meeting, in the order they were picked. */
  preReadDocumentIds: string[];
}

const ids = (value: string | null) => value?.split(",").filter(Boolean) ?? [];
const pad = (n: number) => String(n).padStart(2, "0");

/** "HH:MM" of a minute of the day. */
export const clockOf = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** The local date and time of an instant on the viewer's clock. */
export function wallClock(zone: string, at: number): { date: string; time: string } {
  const local = instantToLocal(zone, at);
  return { date: local.date, time: clockOf(local.minutes) };
}

/** The next whole hour on the viewer's clock: a sensible start when nothing was asked for. */
function nextHour(zone: string, now: number): { date: string; time: string } {
  const { date, time } = wallClock(zone, now);
  const hour = Number(time.slice(0, 2)) + 1;
  return hour < 24 ? { date, time: clockOf(hour * 60) } : { date: addDays(date, 1), time: "00:00" };
}

/**
 * A fresh draft, prefilled from the address: Find a time links here with
 * `?start=<ISO>&duration=<minutes>&attendees=id,id&optional=id,id`.
 */
export function draftFromQuery(
  params: URLSearchParams,
  zone: string,
  now: number,
  viewerId: string,
): MeetingDraft {
  const start = Date.parse(params.get("start") ?? "");
  const when = Number.isNaN(start) ? nextHour(zone, now) : wallClock(zone, start);
  const duration = Number(params.get("duration"));
  const required = ids(params.get("attendees"));
  const optional = ids(params.get("optional")).filter((id) => !required.includes(id));
  return {
    title: "",
    kind: "other",
    purpose: "",
    ...when,
    durationMinutes: Number.isInteger(duration) && duration > 0 ? duration : 30,
    required: required.length > 0 ? required : [viewerId],
    optional,
    teamId: null,
    location: "",
    repeat: "none",
    endBy: "count",
    count: 4,
    until: "",
    agenda: [],
    preReadDocumentIds: [],
  };
}

/** The start as an instant, or null while the date or time is not a real one. */
export function startOf(draft: Pick<MeetingDraft, "date" | "time">, zone: string): number | null {
  const minutes = parseTimeOfDay(draft.time);
  if (parseDate(draft.date) === null || minutes === null) return null;
  return localToInstant(zone, draft.date, minutes);
}

let rowKeys = 0;
/** Agenda rows from a template, to edit before saving. */
export function rowsFromTemplate(template: TemplateView): AgendaRow[] {
  return template.agenda.map((item) => ({
    key: `row-${++rowKeys}`,
    title: item.title,
    outcome: item.outcome,
    ...(item.minutes === null ? {} : { minutes: item.minutes }),
  }));
}

export function emptyRow(): AgendaRow {
  return { key: `row-${++rowKeys}`, title: "", outcome: "discuss" };
}

/** A body that names its attendees (only a rotation's may leave them out). */
type BodyWithAttendees = CreateMeetingBody & { attendees: NonNullable<CreateMeetingBody["attendees"]> };

/** The request body; `reason` carries an override of the agreement's blocking rules. */
export function toCreateBody(draft: MeetingDraft, zone: string, reason?: string): BodyWithAttendees {
  const start = startOf(draft, zone);
  const body: BodyWithAttendees = {
    title: draft.title.trim(),
    kind: draft.kind,
    // An impossible date is sent as is, so the server names the field.
    start: start === null ? `${draft.date}T${draft.time}` : new Date(start).toISOString(),
    durationMinutes: draft.durationMinutes,
    attendees: [
      ...draft.required.map((personId) => ({ personId, required: true })),
      ...draft.optional.map((personId) => ({ personId, required: false })),
    ],
  };
  if (draft.purpose.trim()) body.purpose = draft.purpose.trim();
  if (draft.teamId) body.teamId = draft.teamId;
  if (draft.location.trim()) body.location = draft.location.trim();
  if (draft.repeat !== "none")
    body.recurrence =
      draft.endBy === "count"
        ? { frequency: draft.repeat, count: draft.count }
        : { frequency: draft.repeat, until: draft.until };
  if (draft.preReadDocumentIds.length > 0) body.preReadDocumentIds = draft.preReadDocumentIds;
  if (draft.agenda.length > 0) body.agenda = draft.agenda.map(({ key: _key, ...item }) => item);
  if (reason !== undefined) body.override = { reason };
  return body;
}

const SAVED = "tandem.new-meeting";

/** Keeps the draft while the person goes to Find a time, so coming back loses nothing. */
export function keepDraft(draft: MeetingDraft): void {
  sessionStorage.setItem(SAVED, JSON.stringify(draft));
}

/**
 * The draft kept by `keepDraft` (once), with what the address brings (a start, a length, attendees)
 * written over it; null when none was kept.
 */
export function takeKeptDraft(fresh: MeetingDraft, params: URLSearchParams): MeetingDraft | null {
  const text = sessionStorage.getItem(SAVED);
  sessionStorage.removeItem(SAVED);
  if (!text) return null;
  try {
    const kept = JSON.parse(text) as Partial<MeetingDraft>;
    return {
      // A draft kept by an older version of the form lacks its newer fields: they start fresh.
      ...fresh,
      ...kept,
      ...(params.has("start") ? { date: fresh.date, time: fresh.time } : {}),
      ...(params.has("duration") ? { durationMinutes: fresh.durationMinutes } : {}),
      ...(params.has("attendees") ? { required: fresh.required, optional: fresh.optional } : {}),
    };
  } catch {
    return null;
  }
}
