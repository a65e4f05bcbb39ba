import type { AlertKind, InsightMetric } from "../../contracts/insights";

/** What each figure means, in the words the web app's help text shows (the one definition). */
export const METRIC_DEFINITIONS: Record<InsightMetric, { label: string; unit: string; definition: string }> =
  {
    meetingHours: {
      label: "Meeting hours",
      unit: "h",
      definition:
        "Time in meetings during the week (Monday 00:00 to the next Monday 00:00 in your time zone): Tandem meetings you did not decline or follow async, plus busy time from your imported calendars. Meetings that overlap count once.",
    },
    focusHours: {
      label: "Focus hours",
      unit: "h",
      definition:
        "Free working time in uninterrupted blocks of 2 hours or more. Free working time is your working hours in the week, without absences, minus your meetings; a lunch break or the end of the day ends a block.",
    },
    fragmentedHours: {
      label: "Fragmented hours",
      unit: "h",
      definition:
        "Free working time left in blocks shorter than 1 hour between meetings, too short for focused work; the number of such blocks is shown beside it.",
    },
    afterHoursMeetingHours: {
      label: "After-hours meetings",
      unit: "h",
      definition:
        "Meeting time in the week that falls outside your working pattern (before or after your hours, on a day you do not work, or during an absence).",
    },
    burdenPoints: {
      label: "Time-zone burden",
      unit: "points",
      definition:
        "Points from the inconvenience ledger for meetings in the week that fell early, late or outside your working hours because of other people's time zones.",
    },
    replyLatencyHours: {
      label: "Reply time",
      unit: "working h",
      definition:
        "The median time you took to answer when you were asked (as a required responder, by a mention or in a blocker), counted in your own working hours only, so nights, weekends and days off do not count. Shown only for weeks in which you answered.",
    },
    checkinParticipation: {
      label: "Check-ins answered",
      unit: "%",
      definition:
        "The share of the check-ins sent to you in the week that you answered. Shown only for weeks with a check-in due.",
    },
    pulse: {
      label: "Pulse",
      unit: "of 5",
      definition:
        "The average of your own pulse answers in the week, from 1 to 5. Shown only for weeks in which you answered.",
    },
  };

/** Further definitions the help text shows beside the metrics. */
export const TERM_DEFINITIONS = {
  week: "A week runs from Monday 00:00 to the next Monday 00:00 in your own time zone, so it may be 167 or 169 hours long when the clocks change.",
  focusShortDays:
    "Working days (days with any working time) on which your focus time, in blocks of 2 hours or more, stayed under the agreement's daily focus minimum.",
  rounding: "Hours are rounded to 2 decimal places.",
  groups:
    "Team and organisation figures are the median and 75th percentile over the people in a group, shown only for groups of at least the organisation's minimum group size.",
} as const;

/** Each alert's name for lists and counts. */
export const ALERT_WORDS: Record<AlertKind, string> = {
  overload: "Meeting overload",
  focus_deficit: "Too little focus time",
  after_hours_creep: "After-hours meetings rising",
  disconnection: "Drifting from the team",
  unfair_burden: "Unfair time-zone burden",
};
