import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { decisionRoutes } from "./decisions.routes";
import { threadRoutes } from "./thread.routes";
import { updateJobs } from "./updates.jobs";
import { updateRoutes } from "./updates.routes";

export { createUpdate } from "./create.service";
export { recordDecision } from "./decide";
export { type EscalationOffer, escalationOffer } from "./escalation-offer";
export { type CheckinDigestPost, postCheckinDigest } from "./from-checkins";
export { type MeetingOutcome, postMeetingOutcome } from "./from-meetings";
export { mentionedIn } from "./mentions";
export { acknowledge, addComment, decide, respond, toggleReaction } from "./thread.service";
export { publishUpdateChanged, recipientsOf, type UpdateAccess, updateFor } from "./update-access";
export { markSeen } from "./updates.service";
export { updates } from "./updates.table";
export { visibleTo } from "./updates.visibility";

export const updatesModule = defineModule<Deps>({
  name: "updates",
  routes: [updateRoutes, threadRoutes, decisionRoutes],
  jobs: updateJobs,
});
