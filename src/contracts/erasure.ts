import { z } from "zod";
import { idParams } from "./common";

/** Issue 17, erasure (GDPR art. 17): a person's data, or a whole organisation, after a grace period. */

export const ERASURE_GRACE_DAYS = 30;
/** What a person's name becomes when their data is erased; shared records show it as their author. */
export const FORMER_MEMBER = "A former member";

export const ERASURE_KINDS = ["person", "organisation"] as const;
export type ErasureKind = (typeof ERASURE_KINDS)[number];
export const ERASURE_STATUSES = ["scheduled", "cancelled", "done"] as const;
export type ErasureStatus = (typeof ERASURE_STATUSES)[number];

/**
 * `POST /api/v1/me/erasure`, `/people/:id/erasure`, `/organisation/erasure`. `immediate` (admins, for
 * someone else) carries it out now instead of after the grace period.
 */
export const erasureBody = z.strictObject({
  immediate: z.boolean({ message: "must be true or false" }).optional(),
});
export type ErasureBody = z.infer<typeof erasureBody>;

export const erasureParams = idParams;

export const erasureView = z.object({
  id: z.string(),
  kind: z.enum(ERASURE_KINDS),
  personId: z.string().nullable(),
  status: z.enum(ERASURE_STATUSES),
  requestedAt: z.string(),
  /** When it is carried out (the end of the grace period), or was. */
  scheduledFor: z.string(),
  doneAt: z.string().nullable(),
});
export type ErasureView = z.infer<typeof erasureView>;

export const erasureReply = z.object({ erasure: erasureView });
/** `GET …/erasure`: the scheduled or done erasure, if any. */
export const currentErasureReply = z.object({ erasure: erasureView.nullable() });
