import { DEFAULT_INSIGHT_WEEKS, MAX_INSIGHT_DAYS } from "../../../contracts/insights";
import { mondayOf } from "../../../core/meetings";
import { addDays, dateToEpochDay, instantToLocal } from "../../../core/time";
import type { Deps } from "../../deps";
import { invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { zoneOfPerson } from "./insights.repo";

/** The weeks a read covers, in the viewer's zone. */
export interface InsightPeriod {
  /** The viewer's home zone (what "today" means). */
  timeZone: string;
  /** Monday of the first week and of the last. */
  fromWeek: string;
  toWeek: string;
  /** Every Monday from `fromWeek` to `toWeek`, oldest first. */
  weeks: string[];
}

/**
 * The whole weeks from the one holding `from` to the one holding `to`: `to` defaults to today in the
 * viewer's zone, `from` to the Monday DEFAULT_INSIGHT_WEEKS − 1 weeks before `to`'s (that many weeks
 * in all). A period backwards or longer than MAX_INSIGHT_DAYS is refused (the contract checks the pair
 * when both are given; here `to` may be today).
 */
export async function periodOf(
  deps: Deps,
  actor: Actor,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<InsightPeriod> {
  const timeZone = await zoneOfPerson(deps.db, actor.organisationId, actor.personId);
  const to = query.to ?? instantToLocal(timeZone, deps.clock.now().getTime()).date;
  const from = query.from ?? addDays(mondayOf(to), -7 * (DEFAULT_INSIGHT_WEEKS - 1));
  if (from > to) throw invalid("from", "must not be after to (today when to is not given)");
  if (dateToEpochDay(to) - dateToEpochDay(from) > MAX_INSIGHT_DAYS)
    throw invalid("from", `may be at most ${MAX_INSIGHT_DAYS} days before to (today when to is not given)`);
  const fromWeek = mondayOf(from);
  const toWeek = mondayOf(to);
  return { timeZone, fromWeek, toWeek, weeks: mondaysBetween(fromWeek, toWeek) };
}

/** Mondays `from` … `to` (both Mondays), oldest first. */
export function mondaysBetween(from: string, to: string): string[] {
  const count = (dateToEpochDay(to) - dateToEpochDay(from)) / 7 + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addDays(from, 7 * i));
}

/** Weeks of rows read for alerts whatever the period: the time-zone burden looks back this far. */
export const ALERT_WEEKS = 8;

/** The first Monday of the alert window ending with `toWeek` (ALERT_WEEKS weeks, or the period when longer). */
export const alertFromWeek = (period: InsightPeriod) => {
  const eight = addDays(period.toWeek, -7 * (ALERT_WEEKS - 1));
  // Dates as text: the earlier of two ISO dates sorts first.
  if (eight < period.fromWeek) return eight;
  return period.fromWeek;
};
