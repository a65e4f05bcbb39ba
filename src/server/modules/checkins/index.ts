import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { answerRoutes } from "./answers.routes";
import { blockerRoutes } from "./blockers.routes";
import { checkinJobs } from "./checkins.jobs";
import { checkinRoutes } from "./checkins.routes";
import { digestRoutes } from "./digest.routes";
import { privacyRoutes } from "./privacy.routes";
import { pulseRoutes } from "./pulse.routes";

export { answerOccurrence } from "./answers.service";
/**
 * Check-ins (issue 15): rituals delivered at each participant's own local time, answers, blockers
 * routed to whoever can unblock, a digest posted to the feed when the window closes, pulse answers
 * kept private (aggregates only from the organisation's minimum group size).
 */
export { type CheckinAccess, checkinFor, participantIdsOf } from "./checkin-access";
export { createCheckin } from "./checkins.service";
export { checkinOccurrences } from "./checkins.table";
export { deliverCheckins } from "./delivery.service";
export { postDueDigests } from "./digest.jobs";
export { thresholdsOf } from "./privacy.repo";

export const checkinsModule = defineModule<Deps>({
  name: "checkins",
  routes: [checkinRoutes, answerRoutes, blockerRoutes, digestRoutes, pulseRoutes, privacyRoutes],
  jobs: checkinJobs,
});
