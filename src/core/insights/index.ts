export { distribution, MEETING_HOURS_BUCKETS, median, percentile, round2, stat } from "./aggregate";
export { personAlerts } from "./alerts";
export { AUDIT_THRESHOLDS, auditSeries } from "./audit";
export { ALERT_WORDS, METRIC_DEFINITIONS, TERM_DEFINITIONS } from "./definitions";
export { effectSummary, RULE_METRIC } from "./effect";
export {
  checkinParticipation,
  FOCUS_PIECE_MS,
  FRAGMENT_PIECE_MS,
  personWeek,
  personWeekView,
  workingHoursBetween,
} from "./metrics";
export { differencingPairs } from "./privacy";
export type {
  Alert,
  AlertContext,
  AuditVerdict,
  Group,
  PersonWeek,
  PersonWeekInput,
  SeriesFacts,
} from "./types";
