import type { Rules } from "../../contracts/agreement";
import {
  formatDays,
  formatFlag,
  formatKinds,
  formatNotificationHours,
  formatSpan,
  NUMBER_RULES,
  type NumberRuleName,
  orgNumber,
} from "./catalog";

export interface RuleChange {
  /** The rule's path in `Rules`, e.g. "meetingBudget.weeklyHours". */
  rule: string;
  from: string;
  to: string;
}

type Display = (rules: Rules) => string;

const number =
  (name: NumberRuleName): Display =>
  (rules) =>
    NUMBER_RULES[name].format(orgNumber(name, rules));

/** Each rule's human-readable value, in schema order; lists ignore order and repeats. */
const DISPLAYS: [string, Display][] = [
  ["mustBeLive", (r) => formatKinds(r.mustBeLive)],
  ["preferAsync", (r) => formatKinds(r.preferAsync)],
  ["sensitiveIsLive", (r) => formatFlag(r.sensitiveIsLive)],
  ["informIsAsync", (r) => formatFlag(r.informIsAsync)],
  ["replyWithinWorkingHours.urgent", number("replyWithinWorkingHours.urgent")],
  ["replyWithinWorkingHours.normal", number("replyWithinWorkingHours.normal")],
  ["replyWithinWorkingHours.low", number("replyWithinWorkingHours.low")],
  ["notificationHours", (r) => formatNotificationHours(r.notificationHours)],
  ["agendaRequiredHoursBefore", number("agendaRequiredHoursBefore")],
  ["meetingBudget.weeklyHours", number("meetingBudget.weeklyHours")],
  ["meetingBudget.dailyHours", number("meetingBudget.dailyHours")],
  ["noMeetingDays", (r) => formatDays(r.noMeetingDays)],
  ["focus.minDailyHours", number("focus.minDailyHours")],
  ["focus.window", (r) => formatSpan(r.focus.window)],
  ["maxMeetingMinutes", number("maxMeetingMinutes")],
  ["maxAttendees", number("maxAttendees")],
];

/** The rules whose values differ between `a` and `b`, with both values in words. */
export function diffRules(a: Rules, b: Rules): RuleChange[] {
  const changes: RuleChange[] = [];
  for (const [rule, display] of DISPLAYS) {
    const from = display(a);
    const to = display(b);
    if (from !== to) changes.push({ rule, from, to });
  }
  return changes;
}
