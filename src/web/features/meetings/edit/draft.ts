import type { MeetingView, UpdateMeetingBody } from "../../../../contracts/meetings";
import { type MeetingDraft, toCreateBody, wallClock } from "../new/draft";

/** Editing a meeting: the New meeting form's draft, prefilled from the meeting, and only what changed sent. */

/** The form as the meeting stands, on the viewer's clock (no repeat, no agenda: those are not edited here). */
export function draftFromMeeting(meeting: MeetingView, zone: string): MeetingDraft {
  const ids = (required: boolean) =>
    meeting.attendees.filter((a) => a.required === required).map((a) => a.personId);
  return {
    title: meeting.title,
    kind: meeting.kind,
    purpose: meeting.purpose ?? "",
    ...wallClock(zone, Date.parse(meeting.start)),
    durationMinutes: meeting.durationMinutes,
    required: ids(true),
    optional: ids(false),
    teamId: meeting.teamId,
    location: meeting.location ?? "",
    repeat: "none",
    endBy: "count",
    count: 4,
    until: "",
    agenda: [],
    preReadDocumentIds: meeting.preReadDocuments.map((d) => d.id),
  };
}

/** Attendees in a form that ignores the order they were picked in. */
const attendeeKey = (attendees: { personId: string; required?: boolean }[]) =>
  attendees
    .map((a) => `${a.personId}:${a.required === true}`)
    .sort()
    .join(",");

/**
 * The PATCH body: each field whose value differs from `before` (a cleared text is sent empty, a
 * cleared team as null); `reason` carries an override of the agreement's blocking rules. Empty when
 * nothing changed.
 */
export function toUpdateBody(
  before: MeetingDraft,
  draft: MeetingDraft,
  zone: string,
  reason?: string,
): UpdateMeetingBody {
  const was = toCreateBody(before, zone);
  const now = toCreateBody(draft, zone);
  const body: UpdateMeetingBody = {};
  if (now.title !== was.title) body.title = now.title;
  if (now.kind !== was.kind) body.kind = now.kind;
  if (now.purpose !== was.purpose) body.purpose = now.purpose ?? "";
  if (now.start !== was.start) body.start = now.start;
  if (now.durationMinutes !== was.durationMinutes) body.durationMinutes = now.durationMinutes;
  if (attendeeKey(now.attendees) !== attendeeKey(was.attendees)) body.attendees = now.attendees;
  if (now.teamId !== was.teamId) body.teamId = now.teamId ?? null;
  if (now.location !== was.location) body.location = now.location ?? "";
  // The list as it now stands (order included); an emptied list is sent empty, removing them all.
  if (draft.preReadDocumentIds.join(",") !== before.preReadDocumentIds.join(","))
    body.preReadDocumentIds = draft.preReadDocumentIds;
  if (reason !== undefined) body.override = { reason };
  return body;
}
