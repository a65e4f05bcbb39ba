import { z } from "zod";
import type { Deps } from "../../deps";
import { defineJob } from "../../platform/job";
import { deliverDueNotifications } from "./delivery";
import { sendDigests } from "./digest";

/** Every minute: what waited for its recipient's hours reaches them. */
export const deliverDueNotificationsJob = defineJob({
  name: "deliver-due-notifications",
  payload: z.object({}),
  everyMinutes: 1,
  handle: (deps: Deps) => deliverDueNotifications(deps),
});

/** Every 15 minutes: the digests whose local time has come (a digest goes at most 15 minutes late). */
export const sendDigestsJob = defineJob({
  name: "send-notification-digests",
  payload: z.object({}),
  everyMinutes: 15,
  handle: (deps: Deps) => sendDigests(deps),
});
