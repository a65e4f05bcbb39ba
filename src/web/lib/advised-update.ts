import type { POSTABLE_KINDS } from "../../contracts/updates";

/**
 * What the advisor hands the composer as the router state of `/updates/new` (`{ advised }`) when its
 * answer is "write it": the drafted text, and the people asked about as named audience and required
 * responders. Here so that neither feature imports the other.
 */
export interface AdvisedUpdate {
  kind: (typeof POSTABLE_KINDS)[number];
  body: string;
  teamId: string | null;
  personIds: string[];
}
