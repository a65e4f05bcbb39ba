export { distribution, MEETING_HOURS_BUCKETS, median, percentile, stat } from "./aggregate";
export { personAlerts } from "./alerts";
export { auditSeries } from "./audit";
export { ALERT_WORDS, METRIC_DEFINITIONS } from "./definitions";
export { effectSummary } from "./effect";
export { personWeek, workingHoursBetween } from "./metrics";
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
