export { mentionSnippets, pickMentions } from "./mentions";
export { LATE_REMIND_AT_SHARE, REMIND_AT_SHARE, type ResponderDeadline, responderDeadline } from "./reply-by";
export { stallOf, type ThreadFacts } from "./stall";
