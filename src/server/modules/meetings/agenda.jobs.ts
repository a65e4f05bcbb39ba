import { and, eq, gt, inArray, isNull, notExists, sql } from "drizzle-orm";
import { z } from "zod";
import { DEFAULT_RULES } from "../../../contracts/agreement";
import { meetingChanged } from "../../../contracts/events";
import { plural } from "../../../core/agreement/catalog";
import { HOUR_MS } from "../../../core/time";
import type { Deps } from "../../deps";
import { defineJob } from "../../platform/job";
import { agreementVersions, teamAgreementVersions } from "../agreement/agreement.table";
import { notify } from "../notifications";
import { agendaItems, meetingAttendees, meetings } from "./meetings.table";

/** The effective `agendaRequiredHoursBefore` of each meeting: its organisation's, or its team's when stricter (higher). */
const requiredHours = sql<number>`greatest(
  coalesce((select (${agreementVersions.rules} ->> 'agendaRequiredHoursBefore')::float8 from ${agreementVersions}
    where ${agreementVersions.organisationId} = ${meetings.organisationId}
    order by ${agreementVersions.version} desc limit 1), ${DEFAULT_RULES.agendaRequiredHoursBefore}),
  coalesce((select (${teamAgreementVersions.rules} ->> 'agendaRequiredHoursBefore')::float8 from ${teamAgreementVersions}
    where ${teamAgreementVersions.teamId} = ${meetings.teamId}
    order by ${teamAgreementVersions.teamVersion} desc limit 1), 0))`;

/**
 * Flags each scheduled meeting still ahead whose agenda is empty once the agreement's notice has
 * passed, and tells its organiser and attendees (not those who declined). The flag is set in the
 * same UPDATE … RETURNING that picks the meetings, so a sweep run twice (or two at once) flags and
 * notifies once. Answers how many meetings it flagged.
 */
export async function flagEmptyAgendas(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const flagged = await tx
      .update(meetings)
      .set({ agendaFlaggedAt: now })
      .where(
        and(
          eq(meetings.status, "scheduled"),
          isNull(meetings.agendaFlaggedAt),
          gt(meetings.startAt, now),
          sql`${meetings.startAt} <= ${now.toISOString()}::timestamptz + ${requiredHours} * interval '1 hour'`,
          notExists(
            tx.select({ one: sql`1` }).from(agendaItems).where(eq(agendaItems.meetingId, meetings.id)),
          ),
        ),
      )
      .returning({
        id: meetings.id,
        organisationId: meetings.organisationId,
        organiserId: meetings.organiserId,
        teamId: meetings.teamId,
        title: meetings.title,
        startAt: meetings.startAt,
        hours: requiredHours,
      });
    if (flagged.length === 0) return 0;
    const attendees = await tx
      .select({
        meetingId: meetingAttendees.meetingId,
        personId: meetingAttendees.personId,
        rsvp: meetingAttendees.rsvp,
      })
      .from(meetingAttendees)
      .where(
        inArray(
          meetingAttendees.meetingId,
          flagged.map((m) => m.id),
        ),
      );
    const audiences = flagged.map((m) => {
      const invited = attendees.filter((a) => a.meetingId === m.id);
      const people = [m.organiserId, ...invited.filter((a) => a.rsvp !== "no").map((a) => a.personId)];
      return {
        meeting: m,
        recipients: [...new Set(people)],
        everyone: [m.organiserId, ...invited.map((a) => a.personId)],
      };
    });
    for (const { meeting, recipients } of audiences) {
      const left = Math.max(1, Math.round((meeting.startAt.getTime() - now.getTime()) / HOUR_MS));
      await notify(tx, deps, {
        organisationId: meeting.organisationId,
        recipients,
        kind: "meeting.agenda_missing",
        subject: `No agenda yet for "${meeting.title}"`,
        body:
          `"${meeting.title}" starts in about ${plural(left, "hour")} and its agenda is still empty; ` +
          `the working agreement asks for one ${plural(Number(meeting.hours), "hour")} before. ` +
          "Add what it is for on the meeting page. Attendees may decline with one click there.",
        link: `/meetings/${meeting.id}`,
        objectRef: { type: "meeting", id: meeting.id },
        teamId: meeting.teamId,
      });
    }
    for (const { meeting, everyone } of audiences)
      await deps.events.publish(
        tx,
        meetingChanged(meeting.organisationId, meeting.id, [...new Set(everyone)]),
      );
    return flagged.length;
  });
}

export const flagEmptyAgendasJob = defineJob({
  name: "flag-empty-agendas",
  payload: z.object({}),
  everyMinutes: 15,
  handle: (deps: Deps) => flagEmptyAgendas(deps),
});
