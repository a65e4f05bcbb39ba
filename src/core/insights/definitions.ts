import type { AlertKind, InsightMetric } from "../../contracts/insights";

/** What each figure means, in the words the web app's help text shows (the one definition). */
export const METRIC_DEFINITIONS: Record<InsightMetric, { label: string; unit: string; definition: string }> =
  {
    meetingHours: { label: "Meeting hours", unit: "h", definition: "TODO" },
    focusHours: { label: "Focus hours", unit: "h", definition: "TODO" },
    fragmentedHours: { label: "Fragmented hours", unit: "h", definition: "TODO" },
    afterHoursMeetingHours: { label: "After-hours meetings", unit: "h", definition: "TODO" },
    burdenPoints: { label: "Time-zone burden", unit: "points", definition: "TODO" },
    replyLatencyHours: { label: "Reply time", unit: "working h", definition: "TODO" },
    checkinParticipation: { label: "Check-ins answered", unit: "%", definition: "TODO" },
    pulse: { label: "Pulse", unit: "of 5", definition: "TODO" },
  };

/** Each alert's name for lists and counts. */
export const ALERT_WORDS: Record<AlertKind, string> = {
  overload: "Meeting overload",
  focus_deficit: "Too little focus time",
  after_hours_creep: "After-hours meetings rising",
  disconnection: "Drifting from the team",
  unfair_burden: "Unfair time-zone burden",
};
