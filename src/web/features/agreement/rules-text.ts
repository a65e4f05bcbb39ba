import { MEETING_KINDS, type MeetingKind, type RuleName, type Rules } from "../../../contracts/agreement";
import { formatDays, KIND_NAMES, NUMBER_RULES, plural } from "../../../core/agreement/catalog";
import { WEEKDAYS, type Weekday } from "../../../core/time/types";
import { formatClock } from "../../lib/time";

/** The agreement's rules in the words a person would use, shared by the agreement page, diffs and the advisor. */

export { ruleLabel } from "../../../core/agreement/labels";

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const list = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

/** "Monday" for "mon". */
export const dayName = (day: Weekday) => formatDays([day]);

/** "one-to-ones, performance reviews and incidents", in the canonical order of kinds. */
export function kindsInWords(kinds: readonly MeetingKind[]): string {
  return list.format(MEETING_KINDS.filter((k) => kinds.includes(k)).map((k) => KIND_NAMES[k].many));
}

export function daysInWords(days: readonly Weekday[]): string {
  return list.format(WEEKDAYS.filter((d) => days.includes(d)).map(dayName));
}

/** Select and multi-select options for meeting kinds, by their human names. */
export const KIND_OPTIONS = MEETING_KINDS.map((k) => ({ value: k, label: capitalise(KIND_NAMES[k].one) }));

export interface RuleLine {
  rule: RuleName;
  title: string;
  text: string;
}

const hours = (n: number) => plural(n, "hour");

/** One plain sentence per rule, in the order people read them. */
export function describeRules(rules: Rules): RuleLine[] {
  const reply = rules.replyWithinWorkingHours;
  const focusWindow = rules.focus.window;
  return [
    {
      rule: "mustBeLive",
      title: "Always live",
      text:
        rules.mustBeLive.length > 0
          ? `${capitalise(kindsInWords(rules.mustBeLive))} are always live.`
          : "No kind of meeting has to be live.",
    },
    {
      rule: "preferAsync",
      title: "Better in writing",
      text:
        rules.preferAsync.length > 0
          ? `${capitalise(kindsInWords(rules.preferAsync))} are written, not met.`
          : "No kind of meeting is set to go async.",
    },
    {
      rule: "sensitiveIsLive",
      title: "Sensitive conversations",
      text: rules.sensitiveIsLive
        ? "Personal and confidential conversations happen live."
        : "Personal and confidential conversations may happen in writing.",
    },
    {
      rule: "informIsAsync",
      title: "Sharing information",
      text: rules.informIsAsync
        ? "Anything that only informs is written, not met."
        : "Meetings that only inform are allowed.",
    },
    {
      rule: "replyWithinWorkingHours",
      title: "Reply times",
      text: `Reply within ${plural(reply.normal, "working hour")} (normal), ${reply.urgent} (urgent), ${reply.low} (low), counted in each person's own working hours.`,
    },
    {
      rule: "notificationHours",
      title: "Notification hours",
      text:
        rules.notificationHours === "working_hours"
          ? "Notifications arrive only in each person's working hours, unless something is urgent."
          : `Notifications arrive only between ${formatClock(rules.notificationHours.start)} and ${formatClock(rules.notificationHours.end)} in each person's zone, unless something is urgent.`,
    },
    {
      rule: "agendaRequiredHoursBefore",
      title: "Agendas",
      text:
        rules.agendaRequiredHoursBefore > 0
          ? `Every meeting shares its agenda at least ${hours(rules.agendaRequiredHoursBefore)} before it starts.`
          : "Meetings need no agenda in advance.",
    },
    {
      rule: "meetingBudget",
      title: "Meeting budget",
      text: `Each person spends at most ${hours(rules.meetingBudget.weeklyHours)} a week and ${hours(rules.meetingBudget.dailyHours)} a day in meetings.`,
    },
    {
      rule: "noMeetingDays",
      title: "No-meeting days",
      text:
        rules.noMeetingDays.length > 0
          ? `No meetings on ${daysInWords(rules.noMeetingDays)}.`
          : "Every working day may have meetings.",
    },
    {
      rule: "focus",
      title: "Focus time",
      text: `Everyone keeps at least ${hours(rules.focus.minDailyHours)} of uninterrupted focus time a day${
        focusWindow
          ? `, between ${formatClock(focusWindow.start)} and ${formatClock(focusWindow.end)} in their own zone`
          : ""
      }.`,
    },
    {
      rule: "maxMeetingMinutes",
      title: "Meeting length",
      text: `Meetings last at most ${plural(rules.maxMeetingMinutes, "minute")}.`,
    },
    {
      rule: "maxAttendees",
      title: "Meeting size",
      text: `Meetings have at most ${NUMBER_RULES.maxAttendees.format(rules.maxAttendees)}.`,
    },
    {
      rule: "escalateAfterComments",
      title: "Stalled threads",
      text: `A thread with more than ${NUMBER_RULES.escalateAfterComments.format(rules.escalateAfterComments)} back and forth between the same few people is offered a short meeting.`,
    },
  ];
}
