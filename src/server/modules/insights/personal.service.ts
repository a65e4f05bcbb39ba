import type { z } from "zod";
import type { insightsQuery, MyInsightsView } from "../../../contracts/insights";
import { addDays } from "../../../core/time";
import type { Deps } from "../../deps";
import { type Actor, authorize } from "../../platform/http/actor";
import { effectiveRulesOf } from "../agreement";
import { alertRulesOf, alertsOf } from "./insights.alerts";
import { ALERT_WEEKS, alertFromWeek, periodOf } from "./insights.period";
import { presentAlert, presentPersonWeek } from "./insights.present";
import { burdenPointsOf, personWeeksOf, teamGroupsOf } from "./insights.repo";

/**
 * GET /insights/me: the viewer's own weeks and alerts — always the viewer's, whatever their role
 * (no parameter names anyone else). Alerts read at least ALERT_WEEKS weeks of rows whatever the
 * period, and measure against the agreement in effect for the viewer's largest team (the
 * organisation's when they have none), whose ledger points give their fair share of the burden.
 */
export async function myInsights(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof insightsQuery>,
): Promise<MyInsightsView> {
  authorize(actor, "insights.readPersonal", { self: true });
  const { db } = deps;
  const { organisationId, personId } = actor;
  const period = await periodOf(deps, actor, query);
  const [rows, teams] = await Promise.all([
    personWeeksOf(db, organisationId, [personId], alertFromWeek(period), period.toWeek),
    teamGroupsOf(db, organisationId, personId),
  ]);
  // The largest of the viewer's teams (by name among equals: the list is by name).
  const team = teams
    .filter((t) => t.members.includes(personId))
    .reduce<(typeof teams)[number] | undefined>(
      (best, t) => (!best || t.members.length > best.members.length ? t : best),
      undefined,
    );
  const [rules, points] = await Promise.all([
    effectiveRulesOf(db, organisationId, team?.id ?? null),
    team
      ? burdenPointsOf(
          db,
          organisationId,
          team.members,
          addDays(period.toWeek, -7 * (ALERT_WEEKS - 1)),
          period.toWeek,
        )
      : undefined,
  ]);
  const alerts = alertsOf(
    personId,
    rows,
    rules,
    team && points ? { pointsByPerson: points, size: team.members.length } : undefined,
  );
  const budget = alertRulesOf(rules);
  return {
    timeZone: period.timeZone,
    budget: { weeklyMeetingHours: budget.weeklyBudgetHours, minDailyFocusHours: budget.minDailyFocusHours },
    weeks: rows.filter((row) => row.weekStart >= period.fromWeek).map(presentPersonWeek),
    alerts: alerts.map(presentAlert),
  };
}
