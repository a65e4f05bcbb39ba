import { and, eq, gt, gte, inArray, isNotNull, lt, ne, notInArray, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import type { PersonWeek } from "../../../core/insights";
import type { Interval } from "../../../core/time";
import type { Executor } from "../../platform/db/types";
import { teamAgreementVersions } from "../agreement/agreement.table";
import { busyIntervals } from "../calendars/calendars.table";
import { checkinAnswers, checkinBlockers, checkinOccurrences } from "../checkins/checkins.table";
import { meetingAttendees, meetings } from "../meetings/meetings.table";
import { notifications } from "../notifications/notifications.table";
import { people } from "../people/people.table";
import { inconvenienceLedger } from "../scheduling/scheduling.table";
import { teamMembers } from "../teams/teams.table";
import { updateComments, updateResponders, updates } from "../updates/updates.table";
import { insightWeeks } from "./insights.table";

/**
 * The raw facts one recomputation reads, each in one query for every person of the batch over the
 * window (the union of their weeks, a day wider each side). Scoped by organisation; never read on a
 * page load, only by the rollup jobs.
 */

/** Who is not attending a meeting: declined, or following it asynchronously. */
const NOT_ATTENDING = ["no", "follow_async"] as const;
/** How far back an unanswered ask is looked for (a mention answered later than this is not a reply). */
export const ASK_LOOKBACK_MS = 35 * 86_400_000;

const ms = (d: Date | string) => (d instanceof Date ? d.getTime() : Date.parse(d));
/** An instant as epoch milliseconds read by the database: parsing 150,000 timestamps into Dates took a second. */
const epochMs = (column: AnyPgColumn) => sql<number>`(extract(epoch from ${column}) * 1000)::float8`;

/**
 * The active ones of these people (as the nightly reconcile takes): an erased person stays as an
 * inactive "former member" whose rows a later change to a shared meeting must not bring back.
 */
export async function peopleOf(executor: Executor, organisationId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return executor
    .select({ id: people.id, timeZone: people.timeZone })
    .from(people)
    .where(
      and(
        eq(people.organisationId, organisationId),
        inArray(people.id, [...personIds]),
        eq(people.active, true),
      ),
    );
}

/** Active people of one organisation (or every organisation), ordered, for the nightly reconcile. */
export async function activePeoplePage(
  executor: Executor,
  organisationId: string | undefined,
  after: { organisationId: string; personId: string } | undefined,
  limit: number,
) {
  return executor
    .select({ organisationId: people.organisationId, personId: people.id })
    .from(people)
    .where(
      and(
        eq(people.active, true),
        organisationId ? eq(people.organisationId, organisationId) : undefined,
        after
          ? sql`(${people.organisationId}, ${people.id}) > (${after.organisationId}::uuid, ${after.personId}::uuid)`
          : undefined,
      ),
    )
    .orderBy(people.organisationId, people.id)
    .limit(limit);
}

export interface AttendedMeeting extends Interval {
  personId: string;
  /** Another attendee (going) shares one of the person's teams. */
  shared: boolean;
}

/**
 * Tandem meetings each person attends (not cancelled, not declined or followed async) overlapping
 * `window`, each marked `shared` when a teammate goes too. Three flat queries (the meetings; the going
 * attendees of those meetings who are in a team with someone of the batch; the batch's teammates),
 * joined here: a per-row subquery over attendees and teams was ten times slower at 500 people.
 */
export async function attendedMeetings(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  window: Interval,
): Promise<AttendedMeeting[]> {
  const ids = [...personIds];
  const attending = and(
    eq(meetingAttendees.organisationId, organisationId),
    inArray(meetingAttendees.personId, ids),
    notInArray(meetingAttendees.rsvp, [...NOT_ATTENDING]),
    eq(meetings.organisationId, organisationId),
    ne(meetings.status, "cancelled"),
    lt(meetings.startAt, new Date(window.end)),
    gt(meetings.endAt, new Date(window.start)),
  );
  const theirTeams = executor
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.organisationId, organisationId), inArray(teamMembers.personId, ids)));
  const other = alias(meetingAttendees, "other");
  const [rows, going, mates] = await Promise.all([
    executor
      .select({
        meetingId: meetingAttendees.meetingId,
        personId: meetingAttendees.personId,
        start: epochMs(meetings.startAt),
        end: epochMs(meetings.endAt),
      })
      .from(meetingAttendees)
      .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
      .where(attending),
    executor
      .select({ meetingId: other.meetingId, personId: other.personId })
      .from(other)
      .where(
        and(
          eq(other.organisationId, organisationId),
          notInArray(other.rsvp, [...NOT_ATTENDING]),
          inArray(
            other.meetingId,
            executor
              .select({ id: meetingAttendees.meetingId })
              .from(meetingAttendees)
              .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
              .where(attending),
          ),
          inArray(
            other.personId,
            executor
              .select({ id: teamMembers.personId })
              .from(teamMembers)
              .where(inArray(teamMembers.teamId, theirTeams)),
          ),
        ),
      ),
    executor
      .selectDistinct({ personId: teamMembers.personId, teamId: teamMembers.teamId })
      .from(teamMembers)
      .where(inArray(teamMembers.teamId, theirTeams)),
  ]);
  const teamsOf = new Map<string, string[]>();
  for (const m of mates) teamsOf.set(m.personId, [...(teamsOf.get(m.personId) ?? []), m.teamId]);
  const goingTo = new Map<string, string[]>();
  for (const g of going) {
    const list = goingTo.get(g.meetingId);
    if (list) list.push(g.personId);
    else goingTo.set(g.meetingId, [g.personId]);
  }
  const teammates = (a: string, b: string) => {
    const mine = teamsOf.get(a);
    const theirs = teamsOf.get(b);
    return !!mine && !!theirs && mine.some((t) => theirs.includes(t));
  };
  return rows.map((r) => ({
    personId: r.personId,
    start: Number(r.start),
    end: Number(r.end),
    shared: (goingTo.get(r.meetingId) ?? []).some((p) => p !== r.personId && teammates(r.personId, p)),
  }));
}

/** Imported calendar busy time (not absences: those are taken out of working time instead). */
export async function importedBusy(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  window: Interval,
) {
  const rows = await executor
    .select({
      personId: busyIntervals.personId,
      start: epochMs(busyIntervals.startAt),
      end: epochMs(busyIntervals.endAt),
    })
    .from(busyIntervals)
    .where(
      and(
        eq(busyIntervals.organisationId, organisationId),
        inArray(busyIntervals.personId, [...personIds]),
        lt(busyIntervals.startAt, new Date(window.end)),
        gt(busyIntervals.endAt, new Date(window.start)),
      ),
    );
  return rows.map((r) => ({ personId: r.personId, start: Number(r.start), end: Number(r.end) }));
}

export async function ledgerPoints(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  window: Interval,
) {
  const l = inconvenienceLedger;
  const rows = await executor
    .select({ personId: l.personId, at: l.occurredAt, points: l.points })
    .from(l)
    .where(
      and(
        eq(l.organisationId, organisationId),
        inArray(l.personId, [...personIds]),
        gte(l.occurredAt, new Date(window.start)),
        lt(l.occurredAt, new Date(window.end)),
      ),
    );
  return rows.map((r) => ({ personId: r.personId, at: ms(r.at), points: r.points }));
}

export interface Reply {
  personId: string;
  askedAt: number;
  answeredAt: number;
}

/**
 * Each time a person was asked and answered inside `window`: as a required responder (asked when the
 * update was posted, answered at their first answer), by an @mention (asked when told, answered by
 * their first comment on that update after it), and as a blocker's assignee (asked when raised,
 * answered when resolved).
 */
export async function repliesOf(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  window: Interval,
): Promise<Reply[]> {
  const ids = [...personIds];
  const [from, to] = [new Date(window.start), new Date(window.end)];
  const firstComment = sql<Date | string | null>`(
    select min(c.created_at) from ${updateComments} as c
    where c.organisation_id = ${notifications.organisationId}
      and c.update_id::text = ${notifications.objectId}
      and c.author_id = ${notifications.recipientId}
      and c.created_at >= ${notifications.createdAt})`;
  const [responders, mentions, blockers] = await Promise.all([
    executor
      .select({
        personId: updateResponders.personId,
        askedAt: updates.createdAt,
        answeredAt: updateResponders.answeredAt,
      })
      .from(updateResponders)
      .innerJoin(updates, eq(updates.id, updateResponders.updateId))
      .where(
        and(
          eq(updateResponders.organisationId, organisationId),
          inArray(updateResponders.personId, ids),
          gte(updateResponders.answeredAt, from),
          lt(updateResponders.answeredAt, to),
        ),
      ),
    executor
      .select({
        personId: notifications.recipientId,
        askedAt: notifications.createdAt,
        answeredAt: firstComment,
      })
      .from(notifications)
      .where(
        and(
          eq(notifications.organisationId, organisationId),
          inArray(notifications.recipientId, ids),
          eq(notifications.kind, "update.mentioned"),
          eq(notifications.objectType, "update"),
          gte(notifications.createdAt, new Date(window.start - ASK_LOOKBACK_MS)),
          lt(notifications.createdAt, to),
        ),
      ),
    executor
      .select({
        personId: checkinBlockers.assigneeId,
        askedAt: checkinBlockers.createdAt,
        answeredAt: checkinBlockers.resolvedAt,
      })
      .from(checkinBlockers)
      .where(
        and(
          eq(checkinBlockers.organisationId, organisationId),
          inArray(checkinBlockers.assigneeId, ids),
          eq(checkinBlockers.status, "resolved"),
          gte(checkinBlockers.resolvedAt, from),
          lt(checkinBlockers.resolvedAt, to),
        ),
      ),
  ]);
  const replies: Reply[] = [];
  for (const r of [...responders, ...mentions, ...blockers]) {
    if (!r.personId || !r.answeredAt) continue;
    const answeredAt = ms(r.answeredAt);
    if (answeredAt < window.start || answeredAt >= window.end) continue;
    replies.push({ personId: r.personId, askedAt: ms(r.askedAt), answeredAt });
  }
  return replies;
}

/** Check-in occurrences delivered in `window` (answered or not), and pulse answers given in it. */
export async function checkinFacts(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  window: Interval,
) {
  const o = checkinOccurrences;
  const ids = [...personIds];
  const [occurrences, pulses] = await Promise.all([
    executor
      .select({ personId: o.personId, deliveredAt: o.deliveredAt, answered: isNotNull(o.answeredAt) })
      .from(o)
      .where(
        and(
          eq(o.organisationId, organisationId),
          inArray(o.personId, ids),
          gte(o.deliveredAt, new Date(window.start)),
          lt(o.deliveredAt, new Date(window.end)),
        ),
      ),
    // The question's type as it was asked (the occurrence keeps its questions; a ritual may change later).
    executor
      .select({
        personId: checkinAnswers.personId,
        at: checkinAnswers.answeredAt,
        value: checkinAnswers.value,
      })
      .from(o)
      .innerJoin(checkinAnswers, eq(checkinAnswers.occurrenceId, o.id))
      .where(
        and(
          eq(o.organisationId, organisationId),
          inArray(o.personId, ids),
          gt(o.closesAt, new Date(window.start)),
          lt(o.deliveredAt, new Date(window.end)),
          eq(checkinAnswers.personId, o.personId),
          isNotNull(checkinAnswers.value),
          gte(checkinAnswers.answeredAt, new Date(window.start)),
          lt(checkinAnswers.answeredAt, new Date(window.end)),
          sql`exists (select 1 from jsonb_array_elements(${o.questions}) as q
                      where q->>'id' = ${checkinAnswers.questionId}::text and q->>'type' = 'pulse')`,
        ),
      ),
  ]);
  return {
    occurrences: occurrences.map((r) => ({
      personId: r.personId,
      at: ms(r.deliveredAt),
      answered: r.answered === true || (r.answered as unknown) === "t",
    })),
    pulses: pulses.map((r) => ({ personId: r.personId, at: ms(r.at), value: r.value as number })),
  };
}

/** The teams of these people that have an agreement override of their own: personId → teamIds. */
export async function overriddenTeamsOf(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await executor
    .selectDistinct({ personId: teamMembers.personId, teamId: teamMembers.teamId })
    .from(teamMembers)
    .innerJoin(teamAgreementVersions, eq(teamAgreementVersions.teamId, teamMembers.teamId))
    .where(
      and(eq(teamMembers.organisationId, organisationId), inArray(teamMembers.personId, [...personIds])),
    );
  const byPerson = new Map<string, string[]>();
  for (const r of rows) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r.teamId]);
  return byPerson;
}

/** Rows per INSERT … SELECT FROM unnest(…): one array parameter per column whatever the count. */
const UPSERT_CHUNK = 5_000;

/** A PostgreSQL array literal of numbers, ids or dates (none needs quoting); null → NULL. */
const arrayOf = (values: readonly (string | number | null)[]) =>
  `{${values.map((v) => (v === null ? "NULL" : String(v))).join(",")}}`;

/**
 * Writes the person-weeks, replacing what was there (one row per person and week), as arrays
 * unnested by the database: building a VALUES list of 17 parameters a row cost more than computing it.
 */
export async function upsertWeeks(
  executor: Executor,
  organisationId: string,
  rows: readonly (PersonWeek & { personId: string })[],
  computedAt: Date,
): Promise<void> {
  for (let at = 0; at < rows.length; at += UPSERT_CHUNK) {
    const chunk = rows.slice(at, at + UPSERT_CHUNK);
    const column = (pick: (w: PersonWeek & { personId: string }) => string | number | null) =>
      arrayOf(chunk.map(pick));
    await executor.execute(sql`
      insert into ${insightWeeks} (organisation_id, person_id, week_start, meeting_hours, focus_hours,
        fragmented_hours, fragment_count, after_hours_meeting_hours, burden_points, reply_latency_hours,
        checkins_due, checkins_answered, pulse, focus_short_days, working_days, shared_team_meetings,
        computed_at)
      select ${organisationId}::uuid, t.*, ${computedAt.toISOString()}::timestamptz
      from unnest(
        ${column((w) => w.personId)}::uuid[], ${column((w) => w.weekStart)}::date[],
        ${column((w) => w.meetingHours)}::real[], ${column((w) => w.focusHours)}::real[],
        ${column((w) => w.fragmentedHours)}::real[], ${column((w) => w.fragmentCount)}::int[],
        ${column((w) => w.afterHoursMeetingHours)}::real[], ${column((w) => w.burdenPoints)}::real[],
        ${column((w) => w.replyLatencyHours)}::real[], ${column((w) => w.checkinsDue)}::int[],
        ${column((w) => w.checkinsAnswered)}::int[], ${column((w) => w.pulse)}::real[],
        ${column((w) => w.focusShortDays)}::int[], ${column((w) => w.workingDays)}::int[],
        ${column((w) => w.sharedTeamMeetings)}::int[]
      ) as t
      on conflict (person_id, week_start) do update set
        organisation_id = excluded.organisation_id,
        meeting_hours = excluded.meeting_hours,
        focus_hours = excluded.focus_hours,
        fragmented_hours = excluded.fragmented_hours,
        fragment_count = excluded.fragment_count,
        after_hours_meeting_hours = excluded.after_hours_meeting_hours,
        burden_points = excluded.burden_points,
        reply_latency_hours = excluded.reply_latency_hours,
        checkins_due = excluded.checkins_due,
        checkins_answered = excluded.checkins_answered,
        pulse = excluded.pulse,
        focus_short_days = excluded.focus_short_days,
        working_days = excluded.working_days,
        shared_team_meetings = excluded.shared_team_meetings,
        computed_at = excluded.computed_at`);
  }
}
