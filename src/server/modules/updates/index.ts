import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { decisionRoutes } from "./decisions.routes";
import { threadRoutes } from "./thread.routes";
import { updateJobs } from "./updates.jobs";
import { updateRoutes } from "./updates.routes";

export { recordDecision } from "./decide";
export { type EscalationOffer, escalationOffer } from "./escalation-offer";
export { type MeetingOutcome, postMeetingOutcome } from "./from-meetings";
export { mentionedIn } from "./mentions";
export { publishUpdateChanged, recipientsOf, type UpdateAccess, updateFor, visibleTo } from "./update-access";
export { updates } from "./updates.table";

export const updatesModule = defineModule<Deps>({
  name: "updates",
  routes: [updateRoutes, threadRoutes, decisionRoutes],
  jobs: updateJobs,
});
