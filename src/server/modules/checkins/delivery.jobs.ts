import { z } from "zod";
import type { Deps } from "../../deps";
import { defineJob } from "../../platform/job";
import { deliverCheckins, remindCheckins } from "./delivery.service";

/** Creates each participant's occurrence at their own local time (idempotent: one per ritual, person, date). */
export const deliverCheckinsJob = defineJob({
  name: "deliver-checkins",
  payload: z.object({}),
  everyMinutes: 1,
  handle: (deps: Deps) => deliverCheckins(deps),
});

/** The one reminder inside the window and the person's hours, to those who have not answered. */
export const remindCheckinsJob = defineJob({
  name: "remind-checkins",
  payload: z.object({}),
  everyMinutes: 5,
  handle: (deps: Deps) => remindCheckins(deps),
});
