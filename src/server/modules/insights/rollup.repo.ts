import { and, eq, inArray, sql } from "drizzle-orm";
import type { PersonWeek } from "../../../core/insights";
import type { Executor } from "../../platform/db/types";
import { teamAgreementVersions } from "../agreement/agreement.table";
import { people } from "../people/people.table";
import { teamMembers } from "../teams/teams.table";
import { insightWeeks } from "./insights.table";

/**
 * The raw facts one recomputation reads, each in one query for every person of the batch over the
 * window (the union of their weeks, a day wider each side). Scoped by organisation; never read on a
 * page load, only by the rollup jobs. Here: the people, their teams' overrides and the write; the
 * facts about time in rollup.calendar.repo.ts, about answers in rollup.answers.repo.ts.
 */

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
