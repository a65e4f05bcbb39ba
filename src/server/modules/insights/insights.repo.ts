import { and, asc, between, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type GROUP_BY, INSIGHT_METRICS, type InsightMetric } from "../../../contracts/insights";
import type { PersonWeek } from "../../../core/insights";
import type { Executor } from "../../platform/db/types";
import { people } from "../people/people.table";
import { teamMembers, teams } from "../teams/teams.table";
import { insightWeeks } from "./insights.table";

/**
 * The insights reads: rollup rows (`insight_weeks`) and the groups they are aggregated over. Nothing
 * here reads raw meetings, calendars or answers — a page load costs a few queries over the rollups.
 */

export type GroupBy = (typeof GROUP_BY)[number];

export type InsightWeekRow = PersonWeek & { personId: string };

/** The rollup rows of these people for the weeks (Mondays) `fromWeek` … `toWeek`, per person oldest first. */
export async function personWeeksOf(
  db: Executor,
  organisationId: string,
  personIds: readonly string[],
  fromWeek: string,
  toWeek: string,
): Promise<InsightWeekRow[]> {
  if (personIds.length === 0) return [];
  return db
    .select({
      personId: insightWeeks.personId,
      weekStart: insightWeeks.weekStart,
      meetingHours: insightWeeks.meetingHours,
      focusHours: insightWeeks.focusHours,
      fragmentedHours: insightWeeks.fragmentedHours,
      fragmentCount: insightWeeks.fragmentCount,
      afterHoursMeetingHours: insightWeeks.afterHoursMeetingHours,
      burdenPoints: insightWeeks.burdenPoints,
      replyLatencyHours: insightWeeks.replyLatencyHours,
      checkinsDue: insightWeeks.checkinsDue,
      checkinsAnswered: insightWeeks.checkinsAnswered,
      pulse: insightWeeks.pulse,
      focusShortDays: insightWeeks.focusShortDays,
      workingDays: insightWeeks.workingDays,
      sharedTeamMeetings: insightWeeks.sharedTeamMeetings,
    })
    .from(insightWeeks)
    .where(
      and(
        eq(insightWeeks.organisationId, organisationId),
        inArray(insightWeeks.personId, [...personIds]),
        between(insightWeeks.weekStart, fromWeek, toWeek),
      ),
    )
    .orderBy(asc(insightWeeks.personId), asc(insightWeeks.weekStart));
}

/** A team with its active people (leads and members alike: both are the team's people). */
export interface TeamGroup {
  id: string;
  name: string;
  members: string[];
  leads: string[];
}

/**
 * The organisation's teams with their active people, by name (two queries): every team, or only
 * those `personId` belongs to.
 */
export async function teamGroupsOf(
  db: Executor,
  organisationId: string,
  personId?: string,
): Promise<TeamGroup[]> {
  const theirs = personId
    ? sql`${teams.id} in (select ${teamMembers.teamId} from ${teamMembers}
        where ${teamMembers.personId} = ${personId} and ${teamMembers.organisationId} = ${organisationId})`
    : undefined;
  const [teamRows, memberRows] = await Promise.all([
    db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(and(eq(teams.organisationId, organisationId), theirs))
      .orderBy(asc(teams.name), asc(teams.id)),
    db
      .select({ teamId: teamMembers.teamId, personId: teamMembers.personId, role: teamMembers.role })
      .from(teamMembers)
      .innerJoin(people, eq(people.id, teamMembers.personId))
      .where(
        and(
          eq(teamMembers.organisationId, organisationId),
          eq(people.organisationId, organisationId),
          eq(people.active, true),
          personId
            ? sql`${teamMembers.teamId} in (select tm.team_id from ${teamMembers} tm
                where tm.person_id = ${personId} and tm.organisation_id = ${organisationId})`
            : undefined,
        ),
      ),
  ]);
  const byId = new Map<string, TeamGroup>(
    teamRows.map((t) => [t.id, { id: t.id, name: t.name, members: [], leads: [] }]),
  );
  for (const row of memberRows) {
    const team = byId.get(row.teamId);
    if (!team) continue;
    team.members.push(row.personId);
    if (row.role === "lead") team.leads.push(row.personId);
  }
  return [...byId.values()];
}

/** The organisation's active people with their home zone (the zone groups, and the whole organisation). */
export async function activeZonesOf(
  db: Executor,
  organisationId: string,
): Promise<{ id: string; timeZone: string }[]> {
  return db
    .select({ id: people.id, timeZone: people.timeZone })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.active, true)));
}

/** A person's home zone: what "today" means for the pages they read. */
export async function zoneOfPerson(db: Executor, organisationId: string, personId: string): Promise<string> {
  const [row] = await db
    .select({ timeZone: people.timeZone })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.organisationId, organisationId)));
  return row?.timeZone ?? "UTC";
}

/** One breakdown group's figures over a period, straight from SQL (unrounded). */
export interface GroupAggregate {
  key: string;
  /** Distinct people with at least one row in the period. */
  people: number;
  metrics: Partial<Record<InsightMetric, { median: number; p75: number; people: number }>>;
  /** People per bucket of their average weekly meeting hours: under 5, 5–10, 10–15, 15–20, 20 and over. */
  distribution: number[];
}

/** How each figure is read from a row, as float8; a week without the figure gives null (left out by the aggregates). */
const METRIC_SQL: Record<InsightMetric, string> = {
  meetingHours: "w.meeting_hours::float8",
  focusHours: "w.focus_hours::float8",
  fragmentedHours: "w.fragmented_hours::float8",
  afterHoursMeetingHours: "w.after_hours_meeting_hours::float8",
  burdenPoints: "w.burden_points::float8",
  replyLatencyHours: "w.reply_latency_hours::float8",
  checkinParticipation: "(w.checkins_answered::float8 / nullif(w.checkins_due, 0))",
  pulse: "w.pulse::float8",
};

/** Figures a week may lack: how many people have them decides whether they are shown. */
const SOMETIMES: readonly InsightMetric[] = ["replyLatencyHours", "checkinParticipation", "pulse"];

/**
 * Medians and 75th percentiles of every figure over the period's person-weeks, per group of the
 * breakdown (`team`: each team's active people; `timeZone`: active people by home zone, only
 * `teamId`'s people when given), in ONE statement whatever the number of groups: what the organisation
 * page costs at 10,000 people. One sort per figure and group (both percentiles from it); people are
 * counted once each (per person first), and bucketed by their average weekly meeting hours.
 */
export async function groupAggregatesOf(
  db: Executor,
  organisationId: string,
  breakdown: { groupBy: GroupBy; teamId?: string | undefined },
  fromWeek: string,
  toWeek: string,
  buckets: readonly number[],
): Promise<GroupAggregate[]> {
  const statement = groupAggregatesStatement(organisationId, breakdown, fromWeek, toWeek, buckets);
  // PostgreSQL would compile this statement (its estimated cost is high) for longer than the
  // statement then runs: ~0.4 s of ~1.5 s at 10,000 people. Nothing is written.
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return tx.execute(statement);
  });
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((row) => {
    const people = Number(row.people);
    const metrics: GroupAggregate["metrics"] = {};
    for (const metric of INSIGHT_METRICS) {
      const median = row[`${metric}_median`];
      if (median === null || median === undefined) continue;
      metrics[metric] = {
        median: Number(median),
        p75: Number(row[`${metric}_p75`]),
        people: SOMETIMES.includes(metric) ? Number(row[`${metric}_people`]) : people,
      };
    }
    return {
      key: String(row.key),
      people,
      metrics,
      distribution: [...buckets, 0].map((_, i) => Number(row[`bucket_${i}`])),
    };
  });
}

/** The statement of {@link groupAggregatesOf} (exported for EXPLAIN by the benchmark). */
export function groupAggregatesStatement(
  organisationId: string,
  breakdown: { groupBy: GroupBy; teamId?: string | undefined },
  fromWeek: string,
  toWeek: string,
  buckets: readonly number[],
): SQL {
  const col = (name: string) => sql.identifier(name);
  const list = (parts: SQL[]) => sql.join(parts, sql`, `);
  // Per person (the lateral subquery runs once for each): the figures of each week, whether this row
  // is the person's first (to count people once), their average weekly meeting hours and which
  // sometimes-missing figures they have at all.
  const figures = list([
    ...INSIGHT_METRICS.map((metric) => sql`${sql.raw(METRIC_SQL[metric])} as ${col(metric)}`),
    sql`row_number() over () = 1 as first`,
    sql`avg(w.meeting_hours::float8) over () as hours`,
    ...SOMETIMES.map(
      (metric) => sql`bool_or(${sql.raw(METRIC_SQL[metric])} is not null) over () as ${col(`has_${metric}`)}`,
    ),
  ]);
  const aggregates = list([
    sql`count(*) filter (where w.first)::int as people`,
    ...SOMETIMES.map(
      (metric) =>
        sql`count(*) filter (where w.first and w.${col(`has_${metric}`)})::int as ${col(`${metric}_people`)}`,
    ),
    ...[...buckets, Number.POSITIVE_INFINITY].map((bound, i) => {
      const lower = i === 0 ? sql`true` : sql`w.hours >= ${buckets[i - 1]}`;
      const upper = Number.isFinite(bound) ? sql`w.hours < ${bound}` : sql`true`;
      return sql`count(*) filter (where w.first and ${lower} and ${upper})::int as ${col(`bucket_${i}`)}`;
    }),
    ...INSIGHT_METRICS.map(
      (metric) =>
        sql`percentile_cont(array[0.5, 0.75]) within group (order by w.${col(metric)}) as ${col(metric)}`,
    ),
  ]);
  const unpacked = list(
    INSIGHT_METRICS.map(
      (metric) =>
        sql`s.${col(metric)}[1] as ${col(`${metric}_median`)}, s.${col(metric)}[2] as ${col(`${metric}_p75`)}`,
    ),
  );
  // Members in group order (the organisation's active people: that scopes the statement), each
  // person's weeks by the primary key (person, week) — no organisation condition there, which would
  // tempt the planner into the (organisation, week) index once per person. The rows reach the
  // aggregate already grouped, so nothing sorts the period's person-weeks as a whole.
  return sql`
    select s.*, ${unpacked} from (
      select m.key, ${aggregates}
      from (${membersStatement(organisationId, breakdown)} order by 1, 2) m
      cross join lateral (
        select ${figures} from ${insightWeeks} w
        where w.person_id = m.person_id and w.week_start between ${fromWeek} and ${toWeek}
      ) w
      group by m.key
    ) s`;
}

/** (key, person_id) of every group of the breakdown: active people only. */
function membersStatement(
  organisationId: string,
  breakdown: { groupBy: GroupBy; teamId?: string | undefined },
): SQL {
  if (breakdown.groupBy === "team")
    return sql`select tm.team_id as key, tm.person_id
      from ${teamMembers} tm join ${people} p on p.id = tm.person_id
      where tm.organisation_id = ${organisationId} and p.organisation_id = ${organisationId} and p.active
      ${breakdown.teamId ? sql`and tm.team_id = ${breakdown.teamId}` : sql``}`;
  return sql`select p.time_zone collate "C" as key, p.id as person_id from ${people} p
    where p.organisation_id = ${organisationId} and p.active
    ${
      breakdown.teamId
        ? sql`and p.id in (select person_id from ${teamMembers}
            where team_id = ${breakdown.teamId} and organisation_id = ${organisationId})`
        : sql``
    }`;
}

/** Each person's ledger points over the weeks `fromWeek` … `toWeek` (people without rows are left out). */
export async function burdenPointsOf(
  db: Executor,
  organisationId: string,
  personIds: readonly string[],
  fromWeek: string,
  toWeek: string,
): Promise<Map<string, number>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({
      personId: insightWeeks.personId,
      points: sql<number>`coalesce(sum(${insightWeeks.burdenPoints}), 0)::float8`,
    })
    .from(insightWeeks)
    .where(
      and(
        eq(insightWeeks.organisationId, organisationId),
        inArray(insightWeeks.personId, [...personIds]),
        between(insightWeeks.weekStart, fromWeek, toWeek),
      ),
    )
    .groupBy(insightWeeks.personId);
  return new Map(rows.map((row) => [row.personId, Number(row.points)]));
}
