import { and, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { InvitationLinkView, InvitationView } from "../../../contracts/onboarding";
import type { Deps } from "../../deps";
import { hashPassword } from "../../platform/crypto";
import type { Executor } from "../../platform/db/types";
import { conflict, notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { recordAudit } from "../audit";
import { createSession } from "../auth";
import { notify } from "../notifications";
import { getOrganisation } from "../organisations";
import { activePersonIds, assertMayGrantRole, getPerson, type PersonRow, people } from "../people";
import { createInvitation, invitationInvalid, usableToken } from "./invitations";
import { invitations } from "./invitations.table";
import { loadSender } from "./onboarding.service";

export interface AcceptInput {
  password: string;
  timeZone: string;
  name?: string | undefined;
}

/**
 * Public: the invited person sets their password and zone, becomes active and is signed in.
 * The token is claimed with one conditional update, so it works exactly once.
 */
export async function acceptInvitation(deps: Deps, token: string, input: AcceptInput, ip?: string) {
  // Checked before hashing, so unknown tokens cost no argon2 work.
  const [open] = await deps.db.select({ id: invitations.id }).from(invitations).where(usableToken(token));
  if (!open) throw invitationInvalid();
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const [invitation] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(usableToken(token))
      .returning();
    if (!invitation) throw invitationInvalid();
    const where = and(
      eq(people.organisationId, invitation.organisationId),
      eq(people.id, invitation.personId),
    );
    const [person] = await tx
      .update(people)
      .set({
        passwordHash,
        timeZone: input.timeZone,
        active: true,
        updatedAt: new Date(),
        ...(input.name ? { name: input.name } : {}),
      })
      .where(where)
      .returning();
    if (!person) throw invitationInvalid();
    await recordAudit(tx, {
      organisationId: person.organisationId,
      actorId: person.id,
      action: "invitation.accepted",
      targetType: "invitation",
      targetId: invitation.id,
      ip,
    });
    await tellInviter(tx, deps, invitation.invitedBy, person);
    const session = await createSession(tx, person, deps.config.sessionDays);
    return { person, organisation: await getOrganisation(tx, person.organisationId), session };
  });
}

/** The inviter hears that the person joined, if they are still an active member. */
async function tellInviter(tx: Executor, deps: Deps, inviterId: string | null, person: PersonRow) {
  if (!inviterId || inviterId === person.id) return;
  const [inviter] = await activePersonIds(tx, person.organisationId, inviterId);
  if (!inviter) return;
  await notify(tx, deps, {
    organisationId: person.organisationId,
    recipients: [inviter],
    kind: "invitation.accepted",
    subject: `${person.name} accepted your invitation`,
    body: `${person.name} (${person.email}) joined Tandem.`,
    link: `/team/people/${person.id}`,
    objectRef: { type: "person", id: person.id },
    actorId: person.id,
  });
}

/** Invitations not yet accepted (expired ones included, flagged, so they can be sent again). */
export async function listInvitations(deps: Deps, actor: Actor): Promise<InvitationView[]> {
  authorize(actor, "invitations.read");
  const inviter = alias(people, "inviter");
  const rows = await deps.db
    .select({ invitation: invitations, person: people, inviter: { id: inviter.id, name: inviter.name } })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .where(and(eq(invitations.organisationId, actor.organisationId), isNull(invitations.acceptedAt)))
    .orderBy(desc(invitations.createdAt));
  const now = Date.now();
  return rows.map(({ invitation, person, inviter }) => ({
    id: invitation.id,
    personId: person.id,
    name: person.name,
    email: person.email,
    role: person.role,
    invitedBy: inviter,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    expired: invitation.expiresAt.getTime() <= now,
  }));
}

/** A new token and email for a pending invitation; the old token stops working. */
export async function resendInvitation(
  deps: Deps,
  actor: Actor,
  id: string,
  ip?: string,
): Promise<InvitationLinkView> {
  authorize(actor, "invitations.send");
  return deps.db.transaction(async (tx) => {
    const where = and(eq(invitations.organisationId, actor.organisationId), eq(invitations.id, id));
    const [invitation] = await tx.select().from(invitations).where(where);
    if (!invitation) throw notFound("Invitation");
    if (invitation.acceptedAt) throw conflict("This invitation was already accepted; the person can sign in");
    const person = await getPerson(tx, actor.organisationId, invitation.personId);
    assertMayGrantRole(actor, person.role);
    await tx.delete(invitations).where(where);
    return createInvitation(tx, deps, await loadSender(tx, actor, ip), person);
  });
}
