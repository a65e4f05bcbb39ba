import type { MeetingKind } from "../../../../contracts/agreement";
import type { MeetingSummaryView, Rsvp } from "../../../../contracts/meetings";
import { KIND_OPTIONS } from "../../agreement";

/** Meetings in words: kind, the viewer's answer, cost and flags, as the list and Home show them. */

const KIND_LABELS = new Map<string, string>(KIND_OPTIONS.map((k) => [k.value, k.label]));

/** "One-to-one", "Decision meeting": the agreement's own words for a kind. */
export const kindLabel = (kind: MeetingKind) => KIND_LABELS.get(kind) ?? kind;

export const RSVP_WORDS: Record<Rsvp, string> = {
  yes: "Going",
  no: "Not going",
  follow_async: "Following async",
  pending: "Not answered yet",
};

/** "1.5 person-hours": every attendee who has not declined × the length. */
export function costText(personHours: number): string {
  const rounded = Math.round(personHours * 10) / 10;
  return `${rounded} person-hour${rounded === 1 ? "" : "s"}`;
}

export interface Flag {
  label: string;
  color: string;
  /** What the flag means, for the tooltip and screen readers. */
  meaning: string;
}

/** What needs a glance: cancelled, completed, or no agenda past the agreement's deadline. */
export function meetingFlags(meeting: Pick<MeetingSummaryView, "status" | "agendaMissing">): Flag[] {
  const flags: Flag[] = [];
  if (meeting.status === "cancelled")
    flags.push({
      label: "Cancelled",
      color: "red",
      meaning: "This meeting was cancelled; it is kept for the record.",
    });
  if (meeting.status === "completed")
    flags.push({
      label: "Completed",
      color: "green",
      meaning: "The organiser completed it; the recap is on its page.",
    });
  if (meeting.agendaMissing && meeting.status === "scheduled")
    flags.push({
      label: "Agenda missing",
      color: "orange",
      meaning: "The agreement asks for an agenda before this meeting, and it has none yet.",
    });
  return flags;
}
