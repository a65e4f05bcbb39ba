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
export { localMinute, presentSlot, type RankedCandidate } from "./ranking";
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
  SCORE_WEIGHTS,
  scoreFromPenalty,
} from "./score";
export type {
  Attendee,
  Inconvenience,
  InconvenienceKind,
  Slot,
  SlotAttendee,
  SlotQuery,
} from "./types";
