import type { LineChange, RuleChange, Rules } from "../../contracts/agreement";
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

export type { LineChange, RuleChange };

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
  ["escalateAfterComments", number("escalateAfterComments")],
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

/** Past this many line pairs the changed middle is shown as all removed, then all added: a diff stays cheap. */
const MAX_COMPARED_PAIRS = 1_000_000;

/**
 * The lines removed from `before` and added in `after`, in reading order (a removal before the addition
 * that replaces it). Unchanged and blank lines are left out.
 */
export function diffLines(before: string, after: string): LineChange[] {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const removed = a.slice(start, endA);
  const added = b.slice(start, endB);
  const changes =
    removed.length * added.length > MAX_COMPARED_PAIRS
      ? [...lines("removed", removed), ...lines("added", added)]
      : alignedChanges(removed, added);
  return changes.filter((c) => c.line.trim() !== "");
}

const lines = (change: LineChange["change"], text: string[]): LineChange[] =>
  text.map((line) => ({ change, line }));

/** A longest-common-subsequence walk: lines outside the common subsequence are the changes. */
function alignedChanges(a: string[], b: string[]): LineChange[] {
  const width = b.length + 1;
  // common[i * width + j]: length of the longest common subsequence of a[i..] and b[j..].
  const common = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i * width + j] =
        a[i] === b[j]
          ? (common[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(common[(i + 1) * width + j] ?? 0, common[i * width + j + 1] ?? 0);
    }
  }
  const changes: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (
      j >= b.length ||
      (i < a.length && (common[(i + 1) * width + j] ?? 0) >= (common[i * width + j + 1] ?? 0))
    ) {
      changes.push({ change: "removed", line: a[i++] ?? "" });
    } else {
      changes.push({ change: "added", line: b[j++] ?? "" });
    }
  }
  return changes;
}
