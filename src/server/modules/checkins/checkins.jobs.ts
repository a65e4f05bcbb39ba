import { deliverCheckinsJob, remindCheckinsJob } from "./delivery.jobs";
import { postCheckinDigestsJob } from "./digest.jobs";

/** Delivery, the reminder and the digest (periodic, idempotent). */
export const checkinJobs = [deliverCheckinsJob, remindCheckinsJob, postCheckinDigestsJob];
