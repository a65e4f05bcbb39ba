import { and, eq, inArray, lt, max } from "drizzle-orm";
import { acknowledgementCreated } from "../../../contracts/events";
import type { Deps } from "../../deps";
import type { Actor } from "../../platform/http/actor";
import { requireRole } from "../../platform/http/actor";
import { queueEmail } from "../outbox";
import { activePersonIds } from "../people";
import { people } from "../people/people.table";
import { acknowledgementsOf, currentOrgVersion, teamVersionsOf } from "./agreement.repo";
import { staleVersion } from "./agreement.service";
import { agreementAcknowledgements, agreementReminders, agreementVersions } from "./agreement.table";
import { complianceView, invitedPersonIds } from "./compliance";
import { changesSinceAcknowledged } from "./since-acknowledged";

const sameTeamVersions = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys(b).every((team) => a[team] === b[team]);

/** Acknowledge the current version (and the current overrides of the person's teams). */
export async function acknowledgeAgreement(deps: Deps, actor: Actor, version: number) {
  return deps.db.transaction(async (tx) => {
    const current = await currentOrgVersion(tx, actor.organisationId);
    if (version !== current.version) throw staleVersion(current.version);
    const teamVersions =
      (await teamVersionsOf(tx, actor.organisationId, [actor.personId])).get(actor.personId) ?? {};
    const [row] = await tx
      .insert(agreementAcknowledgements)
      .values({ organisationId: actor.organisationId, personId: actor.personId, version, teamVersions })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await deps.events.publish(tx, acknowledgementCreated(actor.organisationId, String(version)));
    return { version, teamVersions, acknowledgedAt: row.acknowledgedAt.toISOString() };
  });
}

/** Who has acknowledged the current version (with their teams' current overrides), and who has not. */
async function acknowledgementState(deps: Deps, organisationId: string, onlyPersonId?: string) {
  const [current, ids] = await Promise.all([
    currentOrgVersion(deps.db, organisationId),
    activePersonIds(deps.db, organisationId, onlyPersonId),
  ]);
  const [acks, teamVersions] = await Promise.all([
    acknowledgementsOf(deps.db, organisationId, current.version),
    teamVersionsOf(deps.db, organisationId, ids),
  ]);
  const acknowledged = new Map<string, Date>();
  for (const ack of acks) {
    const needed = teamVersions.get(ack.personId) ?? {};
    if (!acknowledged.has(ack.personId) && sameTeamVersions(ack.teamVersions, needed)) {
      acknowledged.set(ack.personId, ack.acknowledgedAt);
    }
  }
  return { current, version: current.version, ids, acknowledged, teamVersions };
}

export async function agreementCompliance(deps: Deps, actor: Actor) {
  requireRole(actor, ["admin", "hr"], "see acknowledgement compliance");
  const [{ version, ids, acknowledged }, invited] = await Promise.all([
    acknowledgementState(deps, actor.organisationId),
    invitedPersonIds(deps.db, actor.organisationId),
  ]);
  return complianceView(version, ids, acknowledged, invited);
}

/** For the banner and the page: the version the caller still has to acknowledge and what changed, or null. */
export async function myPendingAgreement(deps: Deps, actor: Actor) {
  const { organisationId, personId } = actor;
  const { current, acknowledged, teamVersions } = await acknowledgementState(deps, organisationId, personId);
  if (acknowledged.has(personId)) return null;
  const mine = teamVersions.get(personId) ?? {};
  const changes = await changesSinceAcknowledged(deps.db, organisationId, personId, current, mine);
  return { version: current.version, changes };
}

/** Emails everyone who has not acknowledged the current version (through the outbox, so SMTP or admin-readable). */
export async function remindPending(deps: Deps, actor: Actor) {
  requireRole(actor, ["admin", "hr"], "send acknowledgement reminders");
  const { version, ids, acknowledged } = await acknowledgementState(deps, actor.organisationId);
  const pendingIds = ids.filter((id) => !acknowledged.has(id));
  await sendReminders(deps, actor.organisationId, version, pendingIds);
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
    const { version, ids, acknowledged } = await acknowledgementState(deps, organisationId);
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

async function sendReminders(deps: Deps, organisationId: string, version: number, personIds: string[]) {
  if (personIds.length === 0) return;
  const link = `${deps.config.publicUrl}/agreement`;
  await deps.db.transaction(async (tx) => {
    const pending = await tx
      .select({ id: people.id, email: people.email, name: people.name })
      .from(people)
      .where(and(eq(people.organisationId, organisationId), inArray(people.id, personIds)));
    for (const person of pending) {
      await queueEmail(tx, deps, {
        organisationId,
        to: person.email,
        subject: `Please read and acknowledge the working agreement (version ${version})`,
        text:
          `Hello ${person.name},\n\nYour team's working agreement has a version you have not acknowledged yet ` +
          `(version ${version}). It says when we meet and when we write, and how quickly we reply.\n\n` +
          `Read it and acknowledge it here: ${link}\n`,
      });
    }
    await tx
      .insert(agreementReminders)
      .values(pending.map((p) => ({ organisationId, personId: p.id, version })))
      .onConflictDoNothing();
  });
}
