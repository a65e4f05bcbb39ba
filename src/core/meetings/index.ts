export { type CarryAgendaItem, type CarryPlan, carryForward } from "./carry";
export { personHours } from "./cost";
export { checkMeeting, type GateAttendee, type GateMeeting } from "./gates";
export { localDatesTouched, localWeek, meetingLoadHours, meetingLoadMs, mondayOf, weekStarts } from "./load";
export { RATING_THRESHOLD, type RatingAnswer, type RatingSummary, ratingSummary } from "./rating";
export { occurrences, type SeriesInput, seriesTooLong } from "./recurrence";
export { dayWords, localSpan, theirTime } from "./words";
