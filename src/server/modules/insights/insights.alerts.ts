import type { Rules } from "../../../contracts/agreement";
import { type Alert, type AlertContext, type PersonWeek, personAlerts } from "../../../core/insights";
import { addDays } from "../../../core/time";
import { ALERT_WEEKS } from "./insights.period";

/** What a person's alerts are measured against, from the effective agreement. */
export const alertRulesOf = (rules: Rules) => ({
  weeklyBudgetHours: rules.meetingBudget.weeklyHours,
  minDailyFocusHours: rules.focus.minDailyHours,
});

/** A team's ledger points over the alert window: each person's, and the team's size. */
export interface TeamBurden {
  pointsByPerson: ReadonlyMap<string, number>;
  size: number;
}

/**
 * One person's alerts from their rows of the alert window (oldest first), against the agreement and
 * their team's burden over the last ALERT_WEEKS weeks (none without a team).
 */
export function alertsOf(
  personId: string,
  weeks: readonly PersonWeek[],
  rules: Rules,
  team: TeamBurden | undefined,
): Alert[] {
  const context: AlertContext = { ...alertRulesOf(rules) };
  if (team) {
    let teamPoints = 0;
    for (const points of team.pointsByPerson.values()) teamPoints += points;
    context.teamBurden = {
      personPoints: team.pointsByPerson.get(personId) ?? 0,
      teamPoints,
      teamSize: team.size,
    };
  }
  return personAlerts(weeks, context);
}

/** Each person's ledger points over the ALERT_WEEKS weeks ending with `toWeek`, from rows already read. */
export function pointsByPerson(
  rows: readonly (PersonWeek & { personId: string })[],
  toWeek: string,
): Map<string, number> {
  const from = addDays(toWeek, -7 * (ALERT_WEEKS - 1));
  const points = new Map<string, number>();
  for (const row of rows)
    if (row.weekStart >= from && row.weekStart <= toWeek)
      points.set(row.personId, (points.get(row.personId) ?? 0) + row.burdenPoints);
  return points;
}
