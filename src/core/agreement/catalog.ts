import { MEETING_KINDS, type MeetingKind, type Rules, type TeamRules } from "../../contracts/agreement";
import { WEEKDAY_WORDS } from "../../contracts/field-words";
import { WEEKDAYS, type Weekday } from "../time";

/** Words for rule values, shared by diffs, loosening messages and advice. */

export const KIND_NAMES: Record<MeetingKind, { one: string; many: string }> = {
  one_to_one: { one: "one-to-one", many: "one-to-ones" },
  performance_review: { one: "performance review", many: "performance reviews" },
  conflict: { one: "conflict resolution", many: "conflict resolutions" },
  incident: { one: "incident", many: "incidents" },
  hiring_debrief: { one: "hiring debrief", many: "hiring debriefs" },
  decision: { one: "decision meeting", many: "decision meetings" },
  brainstorm: { one: "brainstorm", many: "brainstorms" },
  planning: { one: "planning meeting", many: "planning meetings" },
  standup: { one: "stand-up", many: "stand-ups" },
  status_update: { one: "status update", many: "status updates" },
  social: { one: "social", many: "socials" },
  announcement: { one: "announcement", many: "announcements" },
  other: { one: "other meeting", many: "other meetings" },
};

export function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/** Distinct members of `list` in the canonical order of `order`. */
function canonical<T>(order: readonly T[], list: readonly T[]): T[] {
  const present = new Set(list);
  return order.filter((item) => present.has(item));
}

export function formatKinds(kinds: readonly MeetingKind[]): string {
  const names = canonical(MEETING_KINDS, kinds).map((kind) => KIND_NAMES[kind].one);
  return names.length === 0 ? "none" : names.join(", ");
}

export function formatDays(days: readonly Weekday[]): string {
  const names = canonical(WEEKDAYS, days).map((day) => WEEKDAY_WORDS[day]);
  return names.length === 0 ? "none" : names.join(", ");
}

export const formatFlag = (flag: boolean): string => (flag ? "yes" : "no");

export function formatSpan(span: { start: string; end: string } | undefined): string {
  return span ? `${span.start}–${span.end}` : "none";
}

export function formatNotificationHours(hours: Rules["notificationHours"]): string {
  return hours === "working_hours" ? "each person's working hours" : formatSpan(hours);
}

export type Stricter = "lower" | "higher";

export interface NumberRule {
  /** Which way a team may move the value: "lower" = the organisation's value is a maximum. */
  stricter: Stricter;
  label: string;
  format: (value: number) => string;
  get: (rules: TeamRules) => number | undefined;
}

const hours = (value: number) => plural(value, "hour");
const workingHours = (value: number) => plural(value, "working hour");

/** Every numeric rule, named by its path in `Rules`, in schema order. */
export const NUMBER_RULES = {
  "replyWithinWorkingHours.urgent": {
    stricter: "lower",
    label: "reply time for urgent requests",
    format: workingHours,
    get: (r) => r.replyWithinWorkingHours?.urgent,
  },
  "replyWithinWorkingHours.normal": {
    stricter: "lower",
    label: "reply time for normal requests",
    format: workingHours,
    get: (r) => r.replyWithinWorkingHours?.normal,
  },
  "replyWithinWorkingHours.low": {
    stricter: "lower",
    label: "reply time for low-urgency requests",
    format: workingHours,
    get: (r) => r.replyWithinWorkingHours?.low,
  },
  agendaRequiredHoursBefore: {
    stricter: "higher",
    label: "agenda notice before a meeting",
    format: hours,
    get: (r) => r.agendaRequiredHoursBefore,
  },
  "meetingBudget.weeklyHours": {
    stricter: "lower",
    label: "weekly meeting budget per person",
    format: hours,
    get: (r) => r.meetingBudget?.weeklyHours,
  },
  "meetingBudget.dailyHours": {
    stricter: "lower",
    label: "daily meeting budget per person",
    format: hours,
    get: (r) => r.meetingBudget?.dailyHours,
  },
  "focus.minDailyHours": {
    stricter: "higher",
    label: "guaranteed daily focus time",
    format: hours,
    get: (r) => r.focus?.minDailyHours,
  },
  maxMeetingMinutes: {
    stricter: "lower",
    label: "longest meeting",
    format: (value) => plural(value, "minute"),
    get: (r) => r.maxMeetingMinutes,
  },
  maxAttendees: {
    stricter: "lower",
    label: "most attendees in a meeting",
    format: (value) => plural(value, "person").replace("persons", "people"),
    get: (r) => r.maxAttendees,
  },
  escalateAfterComments: {
    stricter: "lower",
    label: "comments before a thread is offered a meeting",
    format: (value) => plural(value, "comment"),
    get: (r) => r.escalateAfterComments,
  },
} satisfies Record<string, NumberRule>;

export type NumberRuleName = keyof typeof NUMBER_RULES;

/** Whether `candidate` is strictly stricter than `base` in the rule's direction. */
export function isStricter(stricter: Stricter, candidate: number, base: number): boolean {
  return stricter === "lower" ? candidate < base : candidate > base;
}

/** An organisation rule's value; organisation rules are complete, so a gap is a caller bug. */
export function orgNumber(name: NumberRuleName, org: Rules): number {
  const value = NUMBER_RULES[name].get(org);
  if (value === undefined) throw new TypeError(`organisation rules lack ${name}`);
  return value;
}
