import { and, eq } from "drizzle-orm";
import { meetingChanged } from "../../../contracts/events";
import { type Action, may } from "../../../core/access";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { conflict, notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { meetingAttendees, meetings } from "./meetings.table";

export type MeetingRow = typeof meetings.$inferSelect;
export type AttendeeRow = typeof meetingAttendees.$inferSelect;

/** A meeting as the actor may see it, with the relationships the access map asks about. */
export interface MeetingAccess {
  meeting: MeetingRow;
  attendees: AttendeeRow[];
  /** The actor's own attendee row, if invited. */
  mine: AttendeeRow | undefined;
  facts: { authorOf: boolean; attendeeOf: boolean };
}

/** Kinds whose content only their attendees read: notifications about them say no more than the title. */
export const isPrivateKind = (kind: MeetingRow["kind"]) =>
  kind === "one_to_one" || kind === "performance_review";

/** 409 for a cancelled meeting: `what` says what can no longer happen ("its notes can no longer change"). */
export function assertNotCancelled(meeting: MeetingRow, what: string): void {
  if (meeting.status === "cancelled") throw conflict(`This meeting was cancelled, so ${what}.`);
}

/** Everyone who hears about a meeting: its organiser and attendees. */
export const peopleOf = (access: Pick<MeetingAccess, "meeting" | "attendees">): string[] => [
  ...new Set([access.meeting.organiserId, ...access.attendees.map((a) => a.personId)]),
];

/**
 * Loads a meeting of the actor's organisation that the actor may see (organiser or attendee), else
 * 404 "Meeting not found" — for HR and admins too, so nobody learns that a one-to-one exists by
 * its id. With `action`, also 403 unless the actor may do it ("Only its author may …").
 * `forUpdate` locks the meeting row for the rest of the transaction.
 */
export async function meetingFor(
  db: Executor,
  actor: Actor,
  meetingId: string,
  action?: Action,
  options: { forUpdate?: boolean } = {},
): Promise<MeetingAccess> {
  const query = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.organisationId, actor.organisationId)));
  const [meeting] = options.forUpdate ? await query.for("update") : await query;
  if (!meeting) throw notFound("Meeting");
  const access = await accessTo(db, actor, meeting);
  if (!may(actor, "meeting.read", access.facts)) throw notFound("Meeting");
  if (action) authorize(actor, action, access.facts as never);
  return access;
}

/** A loaded meeting with its attendees and the actor's relationship to it; checks nothing. */
export async function accessTo(db: Executor, actor: Actor, meeting: MeetingRow): Promise<MeetingAccess> {
  const attendees = await db
    .select()
    .from(meetingAttendees)
    .where(
      and(
        eq(meetingAttendees.organisationId, meeting.organisationId),
        eq(meetingAttendees.meetingId, meeting.id),
      ),
    );
  const mine = attendees.find((a) => a.personId === actor.personId);
  const facts = { authorOf: meeting.organiserId === actor.personId, attendeeOf: mine !== undefined };
  return { meeting, attendees, mine, facts };
}

/** Tells the meeting's people that it changed (live event, last in the transaction). */
export const publishMeetingChanged = (
  tx: Executor,
  deps: Pick<Deps, "events">,
  access: Pick<MeetingAccess, "meeting" | "attendees">,
) =>
  deps.events.publish(tx, meetingChanged(access.meeting.organisationId, access.meeting.id, peopleOf(access)));
