export { hoursReason, slotBlockers } from "./blockers";
export { findSlots, resolveQuery } from "./find-slots";
export {
  classifySlot,
  classifyWithOffsets,
  EARLY_BEFORE_MINUTES,
  INCONVENIENCE_KINDS,
  INCONVENIENCE_WEIGHTS,
  inconveniencePoints,
  LATE_AFTER_MINUTES,
} from "./inconvenience";
export { localMinute, pickSpread, presentSlot, type RankedCandidate } from "./ranking";
export {
  type PlannedOccurrence,
  planRotation,
  type RotationAttendee,
  type RotationPlan,
  type RotationQuery,
} from "./rotation";
export {
  type AttendeeFacts,
  attendeePenalty,
  compareRanked,
  countFragments,
  localDayStart,
  localWeekdayIndex,
  outsideDistance,
  SCORE_WEIGHTS,
  type ScoreRules,
  scoreFromPenalty,
  weekdayMask,
} from "./score";
export type {
  Attendee,
  BlockerReason,
  Inconvenience,
  InconvenienceKind,
  Slot,
  SlotAttendee,
  SlotBlocker,
  SlotQuery,
} from "./types";
