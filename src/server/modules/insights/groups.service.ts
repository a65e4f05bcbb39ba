import type { z } from "zod";
import {
  ALERT_KINDS,
  type AlertKind,
  type insightsQuery,
  type OrganisationInsightsView,
  type organisationInsightsQuery,
  type TeamInsightsView,
} from "../../../contracts/insights";
import { may } from "../../../core/access";
import { type Group, MEETING_HOURS_BUCKETS } from "../../../core/insights";
import { addDays } from "../../../core/time";
import type { Deps } from "../../deps";
import { notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { effectiveRulesOf } from "../agreement";
import { thresholdsOf } from "../checkins";
import { assertTeamOf } from "../teams";
import { alertsOf, pointsByPerson } from "./insights.alerts";
import { alertFromWeek, periodOf } from "./insights.period";
import { groupStatsOf, presentOrganisationGroup } from "./insights.present";
import { refuseDifferencing } from "./insights.privacy";
import {
  activeZonesOf,
  type GroupBy,
  groupAggregatesOf,
  personWeeksOf,
  type TeamGroup,
  teamGroupsOf,
} from "./insights.repo";

/**
 * GET /insights/teams/:id: the team's weekly medians and 75th percentiles, and how many of its people
 * have each alert — only when the team has at least the organisation's minimum group size (else its
 * size and `suppressed`, nothing more), only weeks with rows of at least that many people, and never
 * when another group the same viewer can see differs from it by fewer people than that.
 */
export async function teamInsights(
  deps: Deps,
  actor: Actor,
  teamId: string,
  query: z.output<typeof insightsQuery>,
): Promise<TeamInsightsView> {
  const { db } = deps;
  const { organisationId } = actor;
  const teams = await teamGroupsOf(db, organisationId);
  const team = teams.find((t) => t.id === teamId);
  if (!team) throw notFound("Team");
  authorize(actor, "insights.readTeam", { leadOf: team.leads.includes(actor.personId) });
  const [period, { minGroupSize: min }] = await Promise.all([
    periodOf(deps, actor, query),
    thresholdsOf(db, organisationId),
  ]);
  const view = { team: { id: team.id, name: team.name, people: team.members.length }, minGroupSize: min };
  if (team.members.length < min) return { ...view, suppressed: true };

  const everyone = await everyoneFor(deps, actor);
  const visible = visibleGroupsOf(
    actor,
    teams,
    everyone?.map((p) => p.id),
  );
  refuseDifferencing(visible, min, [teamKey(team.id)]);

  const [rows, rules] = await Promise.all([
    personWeeksOf(db, organisationId, team.members, alertFromWeek(period), period.toWeek),
    effectiveRulesOf(db, organisationId, team.id),
  ]);
  const weeks = period.weeks.flatMap((weekStart) => {
    const ofWeek = rows.filter((row) => row.weekStart === weekStart);
    return ofWeek.length >= min ? [{ weekStart, ...groupStatsOf(ofWeek, min) }] : [];
  });
  const burden = { pointsByPerson: pointsByPerson(rows, period.toWeek), size: team.members.length };
  const counts = new Map<AlertKind, number>();
  for (const personId of team.members) {
    const own = rows.filter((row) => row.personId === personId);
    for (const alert of alertsOf(personId, own, rules, burden))
      counts.set(alert.kind, (counts.get(alert.kind) ?? 0) + 1);
  }
  const alerts = ALERT_KINDS.flatMap((kind) => {
    const count = counts.get(kind) ?? 0;
    return count > 0 ? [{ kind, count }] : [];
  });
  return { ...view, suppressed: false, weeks, alerts };
}

/**
 * GET /insights/organisation (HR, admins): one group per team (`groupBy=team`) or per home zone of
 * the active people (`groupBy=timeZone`), only `teamId`'s people when given; each with its size, and
 * its figures over the period's person-weeks unless below the minimum group size. The figures come
 * from one SQL statement for every group. A breakdown whose groups differ from another group the
 * viewer can see (every team, the filtered team, the whole organisation) by fewer people than the
 * minimum is refused (400 `privacy_threshold`).
 */
export async function organisationInsights(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof organisationInsightsQuery>,
): Promise<OrganisationInsightsView> {
  authorize(actor, "insights.readOrganisation");
  const { db } = deps;
  const { organisationId } = actor;
  const period = await periodOf(deps, actor, query);
  if (query.teamId) await assertTeamOf(db, organisationId, query.teamId, "teamId");
  const [{ minGroupSize: min }, teams, zones] = await Promise.all([
    thresholdsOf(db, organisationId),
    teamGroupsOf(db, organisationId),
    activeZonesOf(db, organisationId),
  ]);
  const visible = visibleGroupsOf(
    actor,
    teams,
    zones.map((p) => p.id),
  );
  const breakdown = breakdownOf(teams, zones, query.groupBy, query.teamId);
  const all = new Map(visible.map((group) => [group.key, group]));
  for (const group of breakdown) all.set(group.internal.key, group.internal);
  refuseDifferencing(
    [...all.values()],
    min,
    breakdown.map((group) => group.internal.key),
  );

  const aggregates = breakdown.some((group) => group.people >= min)
    ? await groupAggregatesOf(
        db,
        organisationId,
        { groupBy: query.groupBy, teamId: query.teamId },
        period.fromWeek,
        period.toWeek,
        MEETING_HOURS_BUCKETS,
      )
    : [];
  const byKey = new Map(aggregates.map((aggregate) => [aggregate.key, aggregate]));
  return {
    groupBy: query.groupBy,
    from: period.fromWeek,
    to: addDays(period.toWeek, 6),
    minGroupSize: min,
    groups: breakdown.map((group) => presentOrganisationGroup(group, byKey.get(group.key), min)),
  };
}

const teamKey = (id: string) => `team:${id}`;
const ORGANISATION_KEY = "organisation";

const teamGroup = (team: TeamGroup): Group => ({
  key: teamKey(team.id),
  label: team.name,
  members: team.members,
});

/**
 * The groups whose figures this viewer can see anyway: every team for HR and admins, and the whole
 * organisation (`everyone`, the active people) for those who read the organisation's insights, which
 * the agreement-effect view shows them; the teams they lead for anyone else.
 */
function visibleGroupsOf(
  actor: Actor,
  teams: readonly TeamGroup[],
  everyone: readonly string[] | undefined,
): Group[] {
  if (!may(actor, "insights.readTeam"))
    return teams.filter((t) => t.leads.includes(actor.personId)).map(teamGroup);
  const groups = teams.map(teamGroup);
  if (everyone && may(actor, "insights.readOrganisation"))
    groups.push({ key: ORGANISATION_KEY, label: "the whole organisation", members: everyone });
  return groups;
}

/** The active people of the organisation, when this viewer sees the whole organisation's figures. */
async function everyoneFor(deps: Deps, actor: Actor) {
  return may(actor, "insights.readOrganisation") ? activeZonesOf(deps.db, actor.organisationId) : undefined;
}

interface BreakdownGroup {
  /** As the view shows it: the team's id or the zone. */
  key: string;
  label: string;
  people: number;
  /** As the differencing check names it. */
  internal: Group;
}

/** The breakdown's groups, by label, with their active people. */
function breakdownOf(
  teams: readonly TeamGroup[],
  zones: readonly { id: string; timeZone: string }[],
  groupBy: GroupBy,
  teamId: string | undefined,
): BreakdownGroup[] {
  const filter = teamId ? teams.find((t) => t.id === teamId) : undefined;
  if (groupBy === "team")
    return (filter ? [filter] : teams).map((team) => ({
      key: team.id,
      label: team.name,
      people: team.members.length,
      internal: teamGroup(team),
    }));
  const inFilter = filter ? new Set(filter.members) : undefined;
  const byZone = new Map<string, string[]>();
  for (const person of zones) {
    if (inFilter && !inFilter.has(person.id)) continue;
    const members = byZone.get(person.timeZone);
    if (members) members.push(person.id);
    else byZone.set(person.timeZone, [person.id]);
  }
  return [...byZone.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([zone, members]) => ({
      key: zone,
      label: zone,
      people: members.length,
      internal: {
        key: filter ? `team:${filter.id}/timeZone:${zone}` : `timeZone:${zone}`,
        label: filter ? `the ${filter.name} people in ${zone}` : `the people in ${zone}`,
        members,
      },
    }));
}
