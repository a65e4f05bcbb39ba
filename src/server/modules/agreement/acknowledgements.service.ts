import { and, eq, lt, max } from "drizzle-orm";
import { acknowledgementCreated } from "../../../contracts/events";
import { rolesFor } from "../../../core/access";
import type { Deps } from "../../deps";
import type { Actor } from "../../platform/http/actor";
import { authorize } from "../../platform/http/actor";
import { notify } from "../notifications";
import { acknowledge, acknowledgementState, compliance, standingOf } from "../versioning";
import { orgAgreement } from "./agreement.repo";
import { agreementReminders, agreementVersions } from "./agreement.table";
import { changesSinceAcknowledged } from "./since-acknowledged";

/** Acknowledge the current version (and the current overrides of the person's teams). */
export async function acknowledgeAgreement(deps: Deps, actor: Actor, version: number) {
  return deps.db.transaction(async (tx) => {
    const ref = { organisationId: actor.organisationId };
    const ack = await acknowledge(tx, orgAgreement, ref, actor.personId, version);
    await deps.events.publish(
      tx,
      acknowledgementCreated(actor.organisationId, String(version), rolesFor("acknowledgements.read")),
    );
    return { version, teamVersions: ack.parts, acknowledgedAt: ack.acknowledgedAt.toISOString() };
  });
}

export async function agreementCompliance(deps: Deps, actor: Actor) {
  authorize(actor, "acknowledgements.read");
  return compliance(deps.db, orgAgreement, { organisationId: actor.organisationId });
}

/** For the banner and the page: the version the caller still has to acknowledge and what changed, or null. */
export async function myPendingAgreement(deps: Deps, actor: Actor) {
  const standing = await standingOf(
    deps.db,
    orgAgreement,
    { organisationId: actor.organisationId },
    actor.personId,
  );
  if (standing.upToDate) return null;
  const changes = await changesSinceAcknowledged(deps.db, actor.organisationId, standing);
  return { version: standing.latest.version, changes };
}

/**
 * Reminds everyone who has not acknowledged the current version. Urgent ones arrive at once, even
 * outside their hours, and the urgent log names the sender.
 */
export async function remindPending(deps: Deps, actor: Actor, input: { urgent: boolean }) {
  authorize(actor, "acknowledgements.remind");
  const { version, ids, acknowledged } = await acknowledgementState(deps.db, orgAgreement, {
    organisationId: actor.organisationId,
  });
  const pendingIds = ids.filter((id) => !acknowledged.has(id));
  await sendReminders(deps, actor.organisationId, version, pendingIds, {
    urgent: input.urgent,
    actorId: actor.personId,
  });
  return { version, reminded: pendingIds.length };
}

export const AGREEMENT_REMINDERS_QUEUE = "agreement-reminders";

/**
 * The daily sweep: in every organisation whose current version was published more than
 * TANDEM_ACK_REMINDER_DAYS ago, email each person who has neither acknowledged it nor been
 * reminded of it yet. Idempotent: reminders are recorded per person and version.
 */
export async function remindOverdueAcknowledgements(deps: Deps, now = Date.now()) {
  const days = deps.config.ackReminderDays;
  if (days === 0) return 0;
  const due = await deps.db
    .select({ organisationId: agreementVersions.organisationId, version: max(agreementVersions.version) })
    .from(agreementVersions)
    .groupBy(agreementVersions.organisationId)
    .having(lt(max(agreementVersions.publishedAt), new Date(now - days * 86_400_000)));
  let sent = 0;
  for (const { organisationId } of due) {
    const { version, ids, acknowledged } = await acknowledgementState(deps.db, orgAgreement, {
      organisationId,
    });
    const reminded = await deps.db
      .select({ personId: agreementReminders.personId })
      .from(agreementReminders)
      .where(
        and(eq(agreementReminders.organisationId, organisationId), eq(agreementReminders.version, version)),
      );
    const already = new Set(reminded.map((r) => r.personId));
    const pendingIds = ids.filter((id) => !acknowledged.has(id) && !already.has(id));
    await sendReminders(deps, organisationId, version, pendingIds);
    sent += pendingIds.length;
  }
  return sent;
}

/**
 * Through notify, like every message to members: in their inbox, by email inside their hours or in the
 * digest. The daily sweep sends as the system (no sender, never urgent).
 */
async function sendReminders(
  deps: Deps,
  organisationId: string,
  version: number,
  personIds: string[],
  from: { urgent: boolean; actorId: string } | null = null,
) {
  if (personIds.length === 0) return;
  await deps.db.transaction(async (tx) => {
    await notify(tx, deps, {
      organisationId,
      recipients: personIds,
      kind: "acknowledgement.reminder",
      subject: `Please read and acknowledge the working agreement (version ${version})`,
      body:
        `Your team's working agreement has a version you have not acknowledged yet (version ${version}). ` +
        "It says when we meet and when we write, and how quickly we reply.",
      link: "/agreement",
      objectRef: { type: "agreement_version", id: String(version) },
      urgent: from?.urgent ?? false,
      actorId: from?.actorId ?? null,
    });
    await tx
      .insert(agreementReminders)
      .values(personIds.map((personId) => ({ organisationId, personId, version })))
      .onConflictDoNothing();
  });
}
