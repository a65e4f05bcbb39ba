import type { InvitationLinkView } from "../../../contracts/onboarding";
import type { CreatePersonBody } from "../../../contracts/people";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { recordAudit } from "../audit";
import { getOrganisation } from "../organisations";
import {
  assertEmailAvailable,
  assertMayGrantRole,
  DEFAULT_WEEK,
  findPerson,
  getPerson,
  insertPerson,
  type PersonRow,
} from "../people";
import { setPersonTeams } from "../teams";
import { createInvitation, type InvitationSender } from "./invitations";

/** The actor as the sender of invitations (their name and organisation go into the email). */
export async function loadSender(tx: Executor, actor: Actor, ip?: string): Promise<InvitationSender> {
  const inviter = await getPerson(tx, actor.organisationId, actor.personId);
  const organisation = await getOrganisation(tx, actor.organisationId);
  return {
    organisationId: actor.organisationId,
    organisationName: organisation.name,
    inviterId: inviter.id,
    inviterName: inviter.name,
    ip,
  };
}

/**
 * Creates an invited person (inactive, no password, the default week) in their teams, with an
 * invitation and its queued email. The caller has checked the email is free and owns `tx`.
 */
export async function addInvitedPerson(
  tx: Executor,
  deps: Pick<Deps, "config" | "jobs">,
  sender: InvitationSender,
  input: CreatePersonBody,
): Promise<{ person: PersonRow; invitation: InvitationLinkView }> {
  const person = await insertPerson(tx, {
    organisationId: sender.organisationId,
    name: input.name,
    email: input.email,
    role: input.role,
    timeZone: input.timeZone,
    managerId: input.managerId ?? null,
    workingPattern: DEFAULT_WEEK,
    active: false,
  });
  if (input.teamIds?.length) await setPersonTeams(tx, sender.organisationId, person.id, input.teamIds);
  await recordAudit(tx, {
    organisationId: sender.organisationId,
    actorId: sender.inviterId,
    action: "person.created",
    targetType: "person",
    targetId: person.id,
    data: { email: person.email, role: person.role },
    ip: sender.ip,
  });
  return { person, invitation: await createInvitation(tx, deps, sender, person) };
}

/** POST /people: admin and hr invite someone; the person, teams, invitation and email commit together. */
export async function invitePerson(deps: Deps, actor: Actor, input: CreatePersonBody, ip?: string) {
  authorize(actor, "people.invite");
  assertMayGrantRole(actor, input.role);
  return deps.db.transaction(async (tx) => {
    await assertEmailAvailable(tx, actor.organisationId, input.email);
    if (input.managerId && !(await findPerson(tx, actor.organisationId, input.managerId))) {
      throw notFound("Manager");
    }
    return addInvitedPerson(tx, deps, await loadSender(tx, actor, ip), input);
  });
}
