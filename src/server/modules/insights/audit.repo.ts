import { and, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { MeetingKind } from "../../../contracts/agreement";
import type { Executor } from "../../platform/db/types";
import {
  actionItems,
  agendaItems,
  meetingAttendees,
  meetingDecisions,
  meetingRatings,
  meetingSeries,
  meetings,
} from "../meetings/meetings.table";
import { people } from "../people/people.table";

/** Never audited: what is said in them is between the people in the room. */
const PRIVATE_KINDS: MeetingKind[] = ["one_to_one", "performance_review"];

/** Whose series: those held for a team, or those a person organises. */
export type AuditScope = { teamId: string } | { organiserId: string };

/** One occurrence of an audited series, with its attendance counted (the organiser is not invited). */
export interface OccurrenceRow {
  id: string;
  seriesId: string;
  title: string;
  status: "scheduled" | "completed" | "cancelled";
  durationMinutes: number;
  startAt: Date;
  frequency: string;
  organiserId: string;
  organiserName: string;
  /** Attendees who did not decline, the organiser included. */
  attending: number;
  invited: number;
  declined: number;
  followAsync: number;
  /** A decision, an action item or a covered agenda item came of it. */
  hadOutcome: boolean;
}

const m = meetings;
const a = meetingAttendees;
const invited = sql`${a.personId} is not null and ${a.personId} <> ${m.organiserId}`;
const count = (where: SQL) => sql<number>`count(*) filter (where ${where})::int`;
const exists = (table: SQL) => sql`exists (select 1 from ${table})`;

/**
 * The occurrences in [since, until) of the recurring series in scope, one query for all series: a
 * series that ever held a one-to-one or a review is left out whole.
 */
export async function auditOccurrences(
  db: Executor,
  organisationId: string,
  scope: AuditScope,
  window: { since: Date; until: Date },
): Promise<OccurrenceRow[]> {
  const privateOccurrence = sql`exists (select 1 from ${meetings} o where o.series_id = ${meetingSeries.id}
    and o.organisation_id = ${organisationId} and o.kind in ${PRIVATE_KINDS})`;
  const outcome = sql<boolean>`(${exists(sql`${meetingDecisions} d where d.meeting_id = ${m.id}`)}
    or ${exists(sql`${actionItems} i where i.meeting_id = ${m.id}`)}
    or ${exists(sql`${agendaItems} g where g.meeting_id = ${m.id} and g.status = 'covered'`)})`;
  const rows = await db
    .select({
      id: m.id,
      seriesId: meetingSeries.id,
      title: m.title,
      status: m.status,
      durationMinutes: m.durationMinutes,
      startAt: m.startAt,
      frequency: meetingSeries.frequency,
      organiserId: meetingSeries.createdBy,
      organiserName: people.name,
      attending: count(sql`${a.personId} is not null and ${a.rsvp} <> 'no'`),
      invited: count(invited),
      declined: count(sql`${invited} and ${a.rsvp} = 'no'`),
      followAsync: count(sql`${invited} and ${a.rsvp} = 'follow_async'`),
      hadOutcome: outcome,
    })
    .from(m)
    .innerJoin(meetingSeries, eq(meetingSeries.id, m.seriesId))
    .innerJoin(people, eq(people.id, meetingSeries.createdBy))
    .leftJoin(a, eq(a.meetingId, m.id))
    .where(
      and(
        eq(m.organisationId, organisationId),
        eq(meetingSeries.organisationId, organisationId),
        "teamId" in scope ? eq(m.teamId, scope.teamId) : eq(meetingSeries.createdBy, scope.organiserId),
        gte(m.startAt, window.since),
        lt(m.startAt, window.until),
        sql`not ${privateOccurrence}`,
      ),
    )
    .groupBy(m.id, meetingSeries.id, people.id);
  return rows.map((row) => ({
    ...row,
    attending: Number(row.attending),
    invited: Number(row.invited),
    declined: Number(row.declined),
    followAsync: Number(row.followAsync),
    hadOutcome: Boolean(row.hadOutcome),
  }));
}

export interface SeriesRatings {
  count: number;
  worthItAverage: number;
  couldBeAsync: number;
}

/** The ratings of these meetings, summed per series (never who answered what). */
export async function ratingsBySeries(
  db: Executor,
  organisationId: string,
  meetingIds: string[],
): Promise<Map<string, SeriesRatings>> {
  if (meetingIds.length === 0) return new Map();
  const r = meetingRatings;
  const rows = await db
    .select({
      seriesId: m.seriesId,
      count: sql<number>`count(*)::int`,
      worthItAverage: sql<number>`avg(${r.worthIt})::float8`,
      couldBeAsync: sql<number>`count(*) filter (where ${r.couldBeAsync})::int`,
    })
    .from(r)
    .innerJoin(m, eq(m.id, r.meetingId))
    .where(
      and(
        eq(r.organisationId, organisationId),
        eq(m.organisationId, organisationId),
        inArray(r.meetingId, meetingIds),
      ),
    )
    .groupBy(m.seriesId);
  return new Map(
    rows.map((row) => [
      row.seriesId ?? "",
      {
        count: Number(row.count),
        worthItAverage: Number(row.worthItAverage),
        couldBeAsync: Number(row.couldBeAsync),
      },
    ]),
  );
}
