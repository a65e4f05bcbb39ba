import type { GroupStats } from "../../contracts/insights";
import { type RuleChange, ruleLabel } from "../agreement";

/** The figures a rule is meant to move (the stat's median is compared). */
type MovedMetric = "meetingHours" | "focusHours" | "afterHoursMeetingHours" | "replyLatencyHours";

const METRIC_WORDS: Record<MovedMetric, string> = {
  meetingHours: "median meeting hours",
  focusHours: "median focus hours",
  afterHoursMeetingHours: "median after-hours meeting hours",
  replyLatencyHours: "median reply time in working hours",
};

/** Which figure each rule path of `diffRules` is meant to move; rules not listed move none we measure. */
export const RULE_METRIC: Readonly<Record<string, MovedMetric>> = {
  "meetingBudget.weeklyHours": "meetingHours",
  "meetingBudget.dailyHours": "meetingHours",
  noMeetingDays: "focusHours",
  "focus.minDailyHours": "focusHours",
  "focus.window": "focusHours",
  notificationHours: "afterHoursMeetingHours",
  "replyWithinWorkingHours.urgent": "replyLatencyHours",
  "replyWithinWorkingHours.normal": "replyLatencyHours",
  "replyWithinWorkingHours.low": "replyLatencyHours",
};

/**
 * One line per changed rule with the figure it is meant to move, before → after:
 * "No-meeting days: none → Wednesday; median focus hours 6.5 → 9.0". A rule no figure measures is
 * listed with its change alone.
 */
export function effectSummary(
  changes: readonly RuleChange[],
  before: Partial<GroupStats> | undefined,
  after: Partial<GroupStats> | undefined,
): string[] {
  return changes.map((change) => {
    const line = `${ruleLabel(change.rule)}: ${change.from} → ${change.to}`;
    const metric = RULE_METRIC[change.rule];
    const from = metric ? before?.[metric]?.median : undefined;
    const to = metric ? after?.[metric]?.median : undefined;
    if (!metric || !isFigure(from) || !isFigure(to)) return line;
    return `${line}; ${METRIC_WORDS[metric]} ${from.toFixed(1)} → ${to.toFixed(1)}`;
  });
}

const isFigure = (value: number | undefined): value is number =>
  value !== undefined && Number.isFinite(value);
