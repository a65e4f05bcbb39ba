import type { CreateMeetingBody } from "../../../contracts/meetings";
import type { Interval } from "../../../core/time";
import type { Deps } from "../../deps";
import { invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { rotationToHold } from "../scheduling";

/** A create request with its attendees settled (the body's, else the rotation's). */
export type MeetingRequest = CreateMeetingBody & { attendees: NonNullable<CreateMeetingBody["attendees"]> };

/** The rotation a request holds as meetings: its id and each meeting's time. */
export interface RotationSlots {
  id: string;
  slots: Interval[];
}

/**
 * The request as `createMeeting` works with it: with `rotationId`, {@link fromRotation}; otherwise
 * the body, which must name its attendees (the route's schema says so; other callers are checked here).
 */
export async function meetingRequest(
  deps: Deps,
  actor: Actor,
  body: CreateMeetingBody,
): Promise<{ body: MeetingRequest; rotation?: RotationSlots }> {
  if (body.rotationId) return fromRotation(deps, actor, { ...body, rotationId: body.rotationId });
  if (!body.attendees) throw invalid("attendees", "name at least one attendee");
  return { body: { ...body, attendees: body.attendees } };
}

/**
 * `rotationId`: the meetings are the rotation's occurrences, a weekly series whose times differ from
 * the rule where the rotation moved them (invitations write those as overrides). 404 unless the actor
 * wrote the rotation or is in it; 400 for a `recurrence` (the rotation gives the times) or a `start`
 * other than the rotation's first time. The body's length is kept; attendees default to the rotation's.
 */
async function fromRotation(
  deps: Deps,
  actor: Actor,
  body: CreateMeetingBody & { rotationId: string },
): Promise<{ body: MeetingRequest; rotation: RotationSlots }> {
  const rotation = await rotationToHold(deps.db, actor.organisationId, actor.personId, body.rotationId);
  if (body.recurrence)
    throw invalid("recurrence", "must be left out with rotationId: the rotation gives the meetings' times");
  const [first] = rotation.occurrences;
  if (!first) throw invalid("rotationId", "names a rotation with no times left to hold");
  if (Date.parse(body.start) !== first.start)
    throw invalid(
      "start",
      `must be the rotation's first time, ${new Date(first.start).toISOString()}, when rotationId is given`,
    );
  const count = rotation.occurrences.length;
  const request: MeetingRequest = {
    ...body,
    attendees: body.attendees ?? rotation.attendeeIds.map((personId) => ({ personId, required: true })),
    ...(count > 1 ? { recurrence: { frequency: "weekly" as const, count } } : {}),
  };
  const length = body.durationMinutes * 60_000;
  const slots = rotation.occurrences.map((o) => ({ start: o.start, end: o.start + length }));
  return { body: request, rotation: { id: rotation.id, slots } };
}
