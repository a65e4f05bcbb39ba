import type { MeetingView } from "../api";

/** What every section of the meeting page needs: the meeting and who is looking at it. */
export interface MeetingContext {
  meeting: MeetingView;
  viewerId: string;
  zone: string;
  /** The viewer organises it: may change, cancel and complete it. */
  organiser: boolean;
  /** Cancelled: shown, never changed. */
  readOnly: boolean;
  /** A person's name, from the attendees (or the directory for someone since removed). */
  nameOf(personId: string): string;
}

/** Names from the meeting's attendees, then from the people directory. */
export function namer(meeting: MeetingView, people: readonly { id: string; name: string }[] = []) {
  const names = new Map<string, string>(people.map((p) => [p.id, p.name]));
  for (const a of meeting.attendees) names.set(a.personId, a.name);
  return (personId: string) => names.get(personId) ?? "Someone no longer invited";
}

export const meetingPath = (m: { id: string }) => `/meetings/${m.id}`;

/** The meeting's attendees as choices for an owner picker. */
export function attendeeOptions(meeting: MeetingView) {
  return meeting.attendees.map((a) => ({ value: a.personId, label: a.name }));
}
