import type { Rules } from "../../contracts/agreement";
import { WEEKDAY_WORDS } from "../../contracts/field-words";
import type { Violation } from "../../contracts/meetings";
import { plural } from "../agreement";
import { hoursReason } from "../scheduling";
import {
  HOUR_MS,
  type Interval,
  instantToLocal,
  localDayToInstantRange,
  MINUTE_MS,
  mergeIntervals,
  subtractIntervals,
  totalDuration,
  weekdayOfDate,
} from "../time";
import { focusWarnings } from "./focus";
import { localDatesTouched, localWeek, meetingLoadMs, mondayOf } from "./load";
import type { GateAttendee, GateMeeting } from "./types";
import { dayWords, hoursWords, theirTime } from "./words";

export { meetingLoadHours, weekStarts } from "./load";
export type { GateAttendee, GateMeeting } from "./types";

/**
 * The agreement at a meeting's creation (and on every change of time, length or attendees).
 * `violations` block unless overridden — none at all for an incident: a no-meeting day on a required
 * attendee's own calendar, a meeting longer than `maxMeetingMinutes`, more attendees than
 * `maxAttendees`, an attendee's daily or weekly meeting budget (their local day, their local ISO
 * week) exceeded with this meeting counted. `warnings` never block: the meeting leaves someone less
 * uninterrupted working time than `focus.minDailyHours` that day, or cuts the focus window; a
 * required attendee is outside their working hours. Every text names the person and their local time.
 */
export function checkMeeting(
  meeting: GateMeeting,
  rules: Rules,
  attendees: GateAttendee[],
): { violations: Violation[]; warnings: Violation[] } {
  const span: Interval = { start: meeting.start, end: meeting.end };
  const violations =
    meeting.kind === "incident"
      ? []
      : [
          ...sizeViolations(meeting, rules),
          ...attendees.flatMap((a) => [...noMeetingDay(a, span, rules), ...budgetViolations(a, span, rules)]),
        ];
  const warnings = attendees.flatMap((a) => [
    ...focusWarnings(a, span, rules),
    ...outsideWorkingHours(a, span),
  ]);
  return { violations, warnings };
}

function sizeViolations(meeting: GateMeeting, rules: Rules): Violation[] {
  const found: Violation[] = [];
  const minutes = Math.round((meeting.end - meeting.start) / MINUTE_MS);
  if (minutes > rules.maxMeetingMinutes)
    found.push({
      ruleId: "maxMeetingMinutes",
      text: `The meeting lasts ${plural(minutes, "minute")}; the agreement allows at most ${plural(rules.maxMeetingMinutes, "minute")}.`,
    });
  if (meeting.attendeeCount > rules.maxAttendees)
    found.push({
      ruleId: "maxAttendees",
      text: `The meeting has ${meeting.attendeeCount} attendees; the agreement allows at most ${people(rules.maxAttendees)}.`,
    });
  return found;
}

const people = (count: number) => (count === 1 ? "1 person" : `${count} people`);

function noMeetingDay(attendee: GateAttendee, span: Interval, rules: Rules): Violation[] {
  if (!attendee.required || rules.noMeetingDays.length === 0) return [];
  const day = localDatesTouched(attendee.timeZone, span).find((date) =>
    rules.noMeetingDays.includes(weekdayOfDate(date)),
  );
  if (day === undefined) return [];
  return [
    {
      ruleId: "noMeetingDays",
      personId: attendee.personId,
      text: `${attendee.name}: the meeting is at ${theirTime(attendee.timeZone, span)}, and ${WEEKDAY_WORDS[weekdayOfDate(day)]} is a no-meeting day.`,
    },
  ];
}

/** Daily and weekly budgets on the attendee's own calendar, this meeting included. */
function budgetViolations(attendee: GateAttendee, span: Interval, rules: Rules): Violation[] {
  const { dailyHours, weeklyHours } = rules.meetingBudget;
  const zone = attendee.timeZone;
  const load = [...attendee.busy, span];
  const found: Violation[] = [];
  const over = (window: Interval, budgetHours: number) => {
    const ms = meetingLoadMs(load, attendee.focus, window);
    return ms > budgetHours * HOUR_MS ? ms : undefined;
  };
  const dates = localDatesTouched(zone, span);
  for (const date of dates) {
    const ms = over(localDayToInstantRange(zone, date), dailyHours);
    if (ms !== undefined)
      found.push({
        ruleId: "meetingBudget",
        personId: attendee.personId,
        text: `${attendee.name} would have ${hoursWords(ms)} of meetings on ${dayWords(date)} (${zone}), more than the daily budget of ${plural(dailyHours, "hour")}.`,
      });
  }
  for (const monday of new Set(dates.map(mondayOf))) {
    const ms = over(localWeek(zone, monday), weeklyHours);
    if (ms !== undefined)
      found.push({
        ruleId: "meetingBudget",
        personId: attendee.personId,
        text: `${attendee.name} would have ${hoursWords(ms)} of meetings in the week of ${dayWords(monday)} (${zone}), more than the weekly budget of ${plural(weeklyHours, "hour")}.`,
      });
  }
  return found;
}

/** A required attendee asked to meet outside their working hours: who, when on their clock, and why. */
function outsideWorkingHours(attendee: GateAttendee, span: Interval): Violation[] {
  if (!attendee.required) return [];
  const working = mergeIntervals(attendee.working);
  const outside = totalDuration(subtractIntervals([span], working));
  if (outside === 0) return [];
  const partly = outside < span.end - span.start;
  const words = outsideWords(attendee.timeZone, working, span, partly);
  return [
    {
      ruleId: "workingHours",
      personId: attendee.personId,
      text: `${attendee.name}: ${theirTime(attendee.timeZone, span)}, ${words}.`,
    },
  ];
}

function outsideWords(timeZone: string, working: Interval[], span: Interval, partly: boolean): string {
  const reason = hoursReason({ timeZone, working }, span.start, span.end);
  if (reason === "day_off") return "on a day they do not work";
  if (reason === "after_hours")
    return partly ? "running past the end of their working hours" : "after their working hours";
  if (partly) return "starting before their working hours";
  const day = localDayToInstantRange(timeZone, instantToLocal(timeZone, span.start).date);
  const workedEarlier = working.some((w) => w.end <= span.start && w.end > day.start);
  return workedEarlier ? "during a break in their working hours" : "before their working hours";
}
