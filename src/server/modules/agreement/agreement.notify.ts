import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";
import { notify } from "../notifications";
import { activePersonIds } from "../people";

/** Inside the publishing transaction: everyone but the publisher (who acknowledged by publishing) is asked to read it. */
export async function announceAgreementVersion(
  tx: Executor,
  deps: Deps,
  actor: Actor,
  version: { version: number; changeSummary: string },
): Promise<void> {
  const recipients = (await activePersonIds(tx, actor.organisationId)).filter((id) => id !== actor.personId);
  await notify(tx, deps, {
    organisationId: actor.organisationId,
    recipients,
    kind: "agreement.version_to_acknowledge",
    subject: `The working agreement has a new version (${version.version}): please read and acknowledge it`,
    body: `What changed: ${version.changeSummary}`,
    link: "/agreement",
    objectRef: { type: "agreement_version", id: String(version.version) },
    actorId: actor.personId,
  });
}
