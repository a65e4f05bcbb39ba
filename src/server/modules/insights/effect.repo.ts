import { and, asc, between, desc, eq, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Rules, TeamRules } from "../../../contracts/agreement";
import type { PeriodStats, Stat } from "../../../contracts/insights";
import { MEETING_HOURS_BUCKETS, round2 } from "../../../core/insights";
import type { Executor } from "../../platform/db/types";
import { agreementVersions, teamAgreementVersions } from "../agreement/agreement.table";
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";
import { teamMembers } from "../teams";
import { insightWeeks } from "./insights.table";

/** A published version: its rules and when it was published. */
export interface VersionRow<R> {
  version: number;
  rules: R;
  publishedAt: Date;
}

/** The organisation's versions `version - 1` and `version` (either may be missing), by number. */
export async function orgVersionsUpTo(
  db: Executor,
  organisationId: string,
  version: number,
): Promise<Map<number, VersionRow<Rules>>> {
  const rows = await db
    .select({
      version: agreementVersions.version,
      rules: agreementVersions.rules,
      publishedAt: agreementVersions.publishedAt,
    })
    .from(agreementVersions)
    .where(
      and(
        eq(agreementVersions.organisationId, organisationId),
        inArray(agreementVersions.version, [version - 1, version]),
      ),
    );
  return new Map(rows.map((row) => [row.version, row]));
}

/** A team's override versions `version - 1` and `version` (either may be missing), by number. */
export async function teamVersionsUpTo(
  db: Executor,
  organisationId: string,
  teamId: string,
  version: number,
): Promise<Map<number, VersionRow<TeamRules>>> {
  const rows = await db
    .select({
      version: teamAgreementVersions.teamVersion,
      rules: teamAgreementVersions.rules,
      publishedAt: teamAgreementVersions.publishedAt,
    })
    .from(teamAgreementVersions)
    .where(
      and(
        eq(teamAgreementVersions.organisationId, organisationId),
        eq(teamAgreementVersions.teamId, teamId),
        inArray(teamAgreementVersions.teamVersion, [version - 1, version]),
      ),
    );
  return new Map(rows.map((row) => [row.version, row]));
}

/** The organisation's rules in force at `at` (the latest version published by then). */
export async function orgRulesAt(db: Executor, organisationId: string, at: Date): Promise<Rules | undefined> {
  const [row] = await db
    .select({ rules: agreementVersions.rules })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.organisationId, organisationId), lte(agreementVersions.publishedAt, at)))
    .orderBy(desc(agreementVersions.version))
    .limit(1);
  return row?.rules;
}

/** A team's override in force at `at`, or none. */
export async function teamRulesAt(
  db: Executor,
  organisationId: string,
  teamId: string,
  at: Date,
): Promise<TeamRules | undefined> {
  const [row] = await db
    .select({ rules: teamAgreementVersions.rules })
    .from(teamAgreementVersions)
    .where(
      and(
        eq(teamAgreementVersions.organisationId, organisationId),
        eq(teamAgreementVersions.teamId, teamId),
        lte(teamAgreementVersions.publishedAt, at),
      ),
    )
    .orderBy(desc(teamAgreementVersions.teamVersion))
    .limit(1);
  return row?.rules;
}

export async function organisationZone(db: Executor, organisationId: string): Promise<string> {
  const [row] = await db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row?.timeZone ?? "UTC";
}

/** Whose figures are compared: a team's active members, or (teamId null) the organisation's active people. */
export interface Group {
  organisationId: string;
  teamId: string | null;
}

/** The ids of the group's active people, as a subquery (the organisation may hold 10,000). */
function membersOf(db: Executor, group: Group) {
  const active = and(eq(people.organisationId, group.organisationId), eq(people.active, true));
  if (!group.teamId) return db.select({ id: people.id }).from(people).where(active);
  return db
    .select({ id: people.id })
    .from(teamMembers)
    .innerJoin(people, eq(people.id, teamMembers.personId))
    .where(
      and(active, eq(teamMembers.organisationId, group.organisationId), eq(teamMembers.teamId, group.teamId)),
    );
}

export async function groupSize(db: Executor, group: Group): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(membersOf(db, group).as("m"));
  return Number(row?.n ?? 0);
}

/** Local dates [from, to], both inclusive: the weeks whose Monday falls inside are the period's. */
export interface Period {
  from: string;
  to: string;
}

const w = insightWeeks;
/** As `checkinParticipation` in core/insights: answered (at most due) over due, 2 places; null when none was due. */
const participation = sql`round((least(${w.checkinsAnswered}, ${w.checkinsDue})::numeric / nullif(${w.checkinsDue}, 0)), 2)::float8`;
const FIGURES: Record<
  keyof Omit<PeriodStats, "from" | "to" | "people" | "meetingHoursDistribution">,
  SQL | PgColumn
> = {
  meetingHours: w.meetingHours,
  focusHours: w.focusHours,
  fragmentedHours: w.fragmentedHours,
  afterHoursMeetingHours: w.afterHoursMeetingHours,
  burdenPoints: w.burdenPoints,
  replyLatencyHours: w.replyLatencyHours,
  checkinParticipation: participation,
  pulse: w.pulse,
};
type Figure = keyof typeof FIGURES;
const OPTIONAL: readonly Figure[] = ["replyLatencyHours", "checkinParticipation", "pulse"];

const percentile = (p: number, value: SQL | PgColumn) =>
  sql<number | null>`percentile_cont(${sql.raw(String(p))}) within group (order by ${value})::float8`;

/**
 * The group's medians and 75th percentiles over its person-weeks in the period (rollups only), the
 * people with any week in it, and per figure the people with a value. Optional figures come only
 * when at least `minGroupSize` people have one; no figure at all below `minGroupSize` people.
 */
export async function periodStatsOf(
  db: Executor,
  group: Group,
  period: Period,
  minGroupSize: number,
): Promise<PeriodStats> {
  const inPeriod = and(
    eq(w.organisationId, group.organisationId),
    inArray(w.personId, membersOf(db, group)),
    between(w.weekStart, period.from, period.to),
  );
  const figures = Object.entries(FIGURES) as [Figure, SQL | PgColumn][];
  const select: Record<string, SQL> = { people: sql<number>`count(distinct ${w.personId})::int` };
  for (const [name, value] of figures) {
    select[`${name}Median`] = percentile(0.5, value);
    select[`${name}P75`] = percentile(0.75, value);
    select[`${name}People`] =
      sql<number>`count(distinct ${w.personId}) filter (where ${value} is not null)::int`;
  }
  const [[row], distribution] = await Promise.all([
    db.select(select).from(w).where(inPeriod),
    meetingHoursDistributionOf(db, inPeriod),
  ]);
  const values = (row ?? {}) as Record<string, unknown>;
  const people = Number(values.people ?? 0);
  const stats: PeriodStats = { from: period.from, to: period.to, people };
  if (people < minGroupSize) return stats;
  const statOf = (name: Figure): Stat => ({
    median: round2(Number(values[`${name}Median`])),
    p75: round2(Number(values[`${name}P75`])),
  });
  for (const [name] of figures) {
    if (OPTIONAL.includes(name) && Number(values[`${name}People`]) < minGroupSize) continue;
    stats[name] = statOf(name);
  }
  stats.meetingHoursDistribution = distribution;
  return stats;
}

/** People per bucket of their average weekly meeting hours over the period. */
async function meetingHoursDistributionOf(db: Executor, inPeriod: SQL | undefined): Promise<number[]> {
  const perPerson = db
    .select({ hours: sql<number>`avg(${w.meetingHours})`.as("hours") })
    .from(w)
    .where(inPeriod)
    .groupBy(w.personId)
    .as("p");
  const bounds = [...MEETING_HOURS_BUCKETS];
  const buckets: Record<string, SQL> = {};
  bounds.forEach((bound, i) => {
    const lower = i === 0 ? sql`true` : sql`${perPerson.hours} >= ${bounds[i - 1]}`;
    buckets[`b${i}`] = sql<number>`count(*) filter (where ${lower} and ${perPerson.hours} < ${bound})::int`;
  });
  buckets.last = sql<number>`count(*) filter (where ${perPerson.hours} >= ${bounds.at(-1)})::int`;
  const [row] = await db.select(buckets).from(perPerson);
  return [...bounds.map((_, i) => Number(row?.[`b${i}`] ?? 0)), Number(row?.last ?? 0)];
}

/** Team ids the person leads, among `teamIds`. */
export async function ledTeams(
  db: Executor,
  organisationId: string,
  personId: string,
  teamIds: string[],
): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(
      and(
        eq(teamMembers.organisationId, organisationId),
        eq(teamMembers.personId, personId),
        eq(teamMembers.role, "lead"),
        inArray(teamMembers.teamId, teamIds),
      ),
    )
    .orderBy(asc(teamMembers.teamId));
  return rows.map((r) => r.teamId);
}
