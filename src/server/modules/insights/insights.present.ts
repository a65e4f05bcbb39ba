import type {
  AlertView,
  GroupStats,
  InsightMetric,
  OrganisationGroupView,
  PersonWeekView,
  Stat,
} from "../../../contracts/insights";
import {
  type Alert,
  checkinParticipation,
  distribution,
  MEETING_HOURS_BUCKETS,
  type PersonWeek,
  personWeekView,
  round2,
  stat,
} from "../../../core/insights";
import type { GroupAggregate } from "./insights.repo";

/** The figures every person-week has, and those a week may lack (aggregated only over enough people). */
const ALWAYS = [
  "meetingHours",
  "focusHours",
  "fragmentedHours",
  "afterHoursMeetingHours",
  "burdenPoints",
] as const;
const OPTIONAL = ["replyLatencyHours", "checkinParticipation", "pulse"] as const;

export const presentPersonWeek = (week: PersonWeek): PersonWeekView => personWeekView(week);

export const presentAlert = (alert: Alert): AlertView => ({
  kind: alert.kind,
  text: alert.text,
  nextStep: alert.nextStep,
  since: alert.since,
});

/** One figure of a stored week; null when the week lacks it. */
function figureOf(week: PersonWeek, metric: InsightMetric): number | null {
  if (metric === "checkinParticipation") return checkinParticipation(week.checkinsDue, week.checkinsAnswered);
  return week[metric];
}

/**
 * Medians and 75th percentiles over one group's person-weeks (the caller has checked there are at
 * least `min` of them): an optional figure only when at least `min` of the weeks have it, buckets of
 * weekly meeting hours.
 */
export function groupStatsOf(weeks: readonly PersonWeek[], min: number): GroupStats {
  const values = (metric: InsightMetric) =>
    weeks.map((week) => figureOf(week, metric)).filter((value): value is number => value !== null);
  const optional: Partial<Record<(typeof OPTIONAL)[number], Stat>> = {};
  for (const metric of OPTIONAL) {
    const found = values(metric);
    if (found.length >= min) optional[metric] = stat(found);
  }
  return {
    people: weeks.length,
    meetingHours: stat(values("meetingHours")),
    focusHours: stat(values("focusHours")),
    fragmentedHours: stat(values("fragmentedHours")),
    afterHoursMeetingHours: stat(values("afterHoursMeetingHours")),
    burdenPoints: stat(values("burdenPoints")),
    ...optional,
    meetingHoursDistribution: distribution(
      weeks.map((week) => week.meetingHours),
      MEETING_HOURS_BUCKETS,
    ),
  };
}

/**
 * One group of the organisation's breakdown. Below the minimum — in people, or in people with figures
 * in the period — it is suppressed: its size and nothing else. An optional figure only from `min`
 * people who have it.
 */
export function presentOrganisationGroup(
  group: { key: string; label: string; people: number },
  aggregate: GroupAggregate | undefined,
  min: number,
): OrganisationGroupView {
  const base = { key: group.key, label: group.label, people: group.people };
  if (group.people < min || !aggregate || aggregate.people < min) return { ...base, suppressed: true };
  const figures: Partial<Record<InsightMetric, Stat>> = {};
  for (const metric of [...ALWAYS, ...OPTIONAL]) {
    const found = aggregate.metrics[metric];
    if (found && found.people >= min)
      figures[metric] = { median: round2(found.median), p75: round2(found.p75) };
  }
  return { ...base, suppressed: false, ...figures, meetingHoursDistribution: aggregate.distribution };
}
