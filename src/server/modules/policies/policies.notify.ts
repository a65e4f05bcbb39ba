import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";
import { notify } from "../notifications";
import { activePersonIds } from "../people";
import type { VersionRow } from "./policies.repo";

/**
 * Inside the publishing transaction: a policy's audience is every active person (compliance counts
 * them all), but the publisher, who acknowledged by publishing, is not asked.
 */
export async function announcePolicyVersion(tx: Executor, deps: Deps, actor: Actor, row: VersionRow) {
  const recipients = (await activePersonIds(tx, actor.organisationId)).filter((id) => id !== actor.personId);
  await notify(tx, deps, {
    organisationId: actor.organisationId,
    recipients,
    kind: "policy.version_to_acknowledge",
    subject: `Please read and acknowledge “${row.title}” (version ${row.version})`,
    body: `What changed: ${row.changeSummary}`,
    link: `/agreement/policies/${row.policyId}`,
    objectRef: { type: "policy", id: row.policyId },
    actorId: actor.personId,
  });
}
