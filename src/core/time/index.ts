export {
  addDays,
  civilToEpochMs,
  DAY_MS,
  dateToEpochDay,
  epochDayToDate,
  formatTimeOfDay,
  HOUR_MS,
  MINUTE_MS,
  parseDate,
  parseTimeOfDay,
  weekdayOfDate,
  weekdayOfEpochDay,
} from "./dates";
export {
  clipIntervals,
  containsInstant,
  intersectIntervals,
  mergeIntervals,
  subtractIntervals,
  totalDuration,
} from "./intervals";
export { localDateRangeToInterval, localDayToInstantRange, personDateRangeToInterval } from "./local-date";
export { normalizeWeekPattern, type PatternProblem, validateWeekPattern } from "./pattern";
export {
  type Instant,
  type Interval,
  type LocalDateTime,
  type LocalInterval,
  WEEKDAYS,
  type Weekday,
  type WeekPattern,
  type WorkingTimeProfile,
  type ZoneChange,
} from "./types";
export { addWorkingHours, isWorkingAt, sharedWorkingTime, workingIntervals } from "./working-time";
export { ZoneSchedule, zoneOnDate } from "./zone-schedule";
export {
  formatLocal,
  formatOffset,
  instantToLocal,
  isValidTimeZone,
  localToInstant,
  offsetAt,
  type Transition,
  transitionsBetween,
  wallClockToInstant,
} from "./zones";
