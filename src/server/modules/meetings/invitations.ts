import { and, asc, eq, inArray } from "drizzle-orm";
import {
  type InviteContent,
  type InviteMethod,
  inviteProps,
  meetingInvite,
  occurrenceInvite,
  originalStarts,
  type SeriesOccurrence,
  seriesInvite,
  seriesRuleOf,
  seriesUid,
} from "../../../core/calendar";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import type { OutgoingEmail } from "../../platform/mail";
import { queueEmails } from "../outbox";
import { people } from "../people/people.table";
import { invitationText, repeatsWords } from "./invitation-text";
import type { MeetingRow } from "./meeting-access";
import { agendaItems, meetingAttendees, meetingSeries, meetings } from "./meetings.table";

export interface InvitationsInput {
  organisationId: string;
  meetingIds: string[];
  method: InviteMethod;
  /** Who gets it (e.g. someone just removed gets the CANCEL); default: every attendee. */
  personIds?: string[];
}

type Person = { id: string; name: string; email: string; timeZone: string };
type Email = OutgoingEmail & { organisationId: string };
/** One meeting's invitation before it is written: who organises, who gets it, what it says. */
type Invitation = { meeting: MeetingRow; organiser: Person; recipients: Person[]; content: InviteContent };

/**
 * Queues, in the caller's transaction, `invite.ics` iTIP emails (METHOD:REQUEST or CANCEL) so the
 * meetings land in — or leave — each recipient's own calendar:
 * - every meeting of a series at once (as when it is created): ONE email per recipient with the
 *   series as one recurring event (UID `<seriesId>@tandem`, RRULE, EXDATEs, overrides);
 * - some meetings of a series: each as that instance (the series' UID, its RECURRENCE-ID);
 * - a single meeting: UID `<meetingId>@tandem`.
 * SEQUENCE is the meeting's `sequence`. Meetings of another organisation are ignored.
 */
export async function queueInvitations(
  tx: Executor,
  deps: Pick<Deps, "jobs" | "config" | "clock">,
  input: InvitationsInput,
): Promise<void> {
  const org = input.organisationId;
  if (input.meetingIds.length === 0) return;
  const rows = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.organisationId, org), inArray(meetings.id, input.meetingIds)))
    .orderBy(asc(meetings.startAt));
  if (rows.length === 0) return;
  const ids = rows.map((m) => m.id);
  const seriesIds = [...new Set(rows.flatMap((m) => (m.seriesId ? [m.seriesId] : [])))];
  const [attendees, agenda, series, siblings] = await Promise.all([
    tx
      .select()
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.organisationId, org), inArray(meetingAttendees.meetingId, ids))),
    tx
      .select({ meetingId: agendaItems.meetingId, title: agendaItems.title })
      .from(agendaItems)
      .where(and(eq(agendaItems.organisationId, org), inArray(agendaItems.meetingId, ids)))
      .orderBy(asc(agendaItems.position)),
    seriesIds.length === 0
      ? []
      : tx
          .select()
          .from(meetingSeries)
          .where(and(eq(meetingSeries.organisationId, org), inArray(meetingSeries.id, seriesIds))),
    seriesIds.length === 0
      ? []
      : tx
          .select({ id: meetings.id, seriesId: meetings.seriesId })
          .from(meetings)
          .where(and(eq(meetings.organisationId, org), inArray(meetings.seriesId, seriesIds))),
  ]);
  const personIds = new Set([
    ...rows.map((m) => m.organiserId),
    ...attendees.map((a) => a.personId),
    ...(input.personIds ?? []),
  ]);
  const found = await tx
    .select({ id: people.id, name: people.name, email: people.email, timeZone: people.timeZone })
    .from(people)
    .where(and(eq(people.organisationId, org), inArray(people.id, [...personIds])));
  const byId = new Map<string, Person>(found.map((p) => [p.id, p]));
  const now = deps.clock.now().getTime();
  const urlOf = (meeting: MeetingRow) => `${deps.config.publicUrl}/meetings/${meeting.id}`;

  const invitationOf = (meeting: MeetingRow): Invitation | undefined => {
    const organiser = byId.get(meeting.organiserId);
    if (!organiser) return undefined;
    const invited = attendees.filter((a) => a.meetingId === meeting.id);
    const recipientIds = [...new Set(input.personIds ?? invited.map((a) => a.personId))];
    // A CANCEL to someone no longer invited still names them, as RFC 5546 asks.
    const listed = [
      ...invited.map((a) => ({ personId: a.personId, required: a.required, rsvp: a.rsvp })),
      ...recipientIds
        .filter((id) => !invited.some((a) => a.personId === id))
        .map((personId) => ({ personId, required: true, rsvp: "pending" as const })),
    ];
    const content: InviteContent = {
      method: input.method,
      kind: meeting.kind,
      purpose: meeting.purpose,
      location: meeting.location,
      agenda: agenda.filter((a) => a.meetingId === meeting.id).map((a) => a.title),
      url: urlOf(meeting),
      organiser,
      attendees: listed.flatMap((a) => {
        const person = byId.get(a.personId);
        return person ? [{ ...person, required: a.required, rsvp: a.rsvp }] : [];
      }),
    };
    const recipients = recipientIds.flatMap((id) => byId.get(id) ?? []);
    return { meeting, organiser, recipients, content };
  };
  const occurrenceOf = ({ meeting, content }: Invitation): SeriesOccurrence => ({
    index: meeting.seriesIndex ?? 0,
    start: meeting.startAt.getTime(),
    end: meeting.endAt.getTime(),
    sequence: meeting.sequence,
    summary: meeting.title,
    props: inviteProps(content),
  });

  const emails: Email[] = [];
  const send = (invitation: Invitation, recipients: Person[], ics: string, repeats?: string) => {
    for (const person of recipients) {
      const { meeting, organiser, content } = invitation;
      emails.push({
        organisationId: org,
        to: person.email,
        ...invitationText(input.method, meeting, organiser, person, content.url, repeats),
        attachments: [
          {
            filename: "invite.ics",
            contentType: `text/calendar; method=${input.method}; charset=UTF-8`,
            content: ics,
          },
        ],
      });
    }
  };

  // A series all of whose meetings are asked for goes as one recurring event.
  const whole = new Set(
    series.filter((s) => siblings.every((m) => m.seriesId !== s.id || ids.includes(m.id))).map((s) => s.id),
  );
  for (const s of series.filter((one) => whole.has(one.id))) {
    const shown = rows
      .filter((m) => m.seriesId === s.id && (input.method === "CANCEL" || m.status !== "cancelled"))
      .flatMap((m) => invitationOf(m) ?? []);
    const [first] = shown;
    if (!first) continue;
    const recipients = [...new Map(shown.flatMap((i) => i.recipients).map((p) => [p.id, p])).values()];
    const rule = seriesRuleOf(s);
    const ics = seriesInvite(input.method, {
      uid: seriesUid(s.id),
      now,
      rule,
      occurrences: shown.map(occurrenceOf),
    });
    send(first, recipients, ics, repeatsWords(s.frequency, shown.length));
  }

  const seriesById = new Map(series.map((s) => [s.id, s]));
  for (const meeting of rows) {
    if (meeting.seriesId && whole.has(meeting.seriesId)) continue;
    const invitation = invitationOf(meeting);
    if (!invitation) continue;
    const s = meeting.seriesId ? seriesById.get(meeting.seriesId) : undefined;
    const rule = s && seriesRuleOf(s);
    const original = rule && originalStarts(rule)[(meeting.seriesIndex ?? 0) - 1];
    const ics =
      s && rule && original !== undefined
        ? occurrenceInvite(input.method, {
            uid: seriesUid(s.id),
            now,
            rule,
            original,
            occurrence: occurrenceOf(invitation),
          })
        : meetingInvite({
            ...invitation.content,
            meetingId: meeting.id,
            sequence: meeting.sequence,
            now,
            start: meeting.startAt.getTime(),
            end: meeting.endAt.getTime(),
            title: meeting.title,
          });
    send(invitation, invitation.recipients, ics);
  }
  await queueEmails(tx, deps, emails);
}
