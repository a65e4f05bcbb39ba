import type { Role } from "../../../contracts/common";
import { grantableRoles, may, mayChangeRole, outranks } from "../../../core/access";
import { AppError, forbidden } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";

/** The person themself, admins and hr edit a profile, pattern, absences and travel (`person.edit`). */
export function assertMayEditPerson(actor: Actor, personId: string): void {
  authorize(actor, "person.edit", { self: actor.personId === personId });
}

/** Who sees absence kind and reason (others see only a busy period). */
export const maySeeAbsenceDetails = (actor: Actor, personId: string) =>
  may(actor, "person.readAbsenceDetails", { self: actor.personId === personId });

/**
 * Someone else's sign-in email, role or status changes only by a person who outranks them
 * (core/access.ts `outranks`). Anyone may change their own email.
 */
export function assertOutranks(actor: Actor, target: { id: string; role: Role }, what: string): void {
  if (actor.personId === target.id || outranks(actor.role, target.role)) return;
  const who = `${article(actor.role)} ${actor.role}`;
  throw forbidden(
    `As ${who} you may not change the ${what} of ${article(target.role)} ${target.role}; ask an owner`,
  );
}

const article = (role: Role) => (role === "manager" || role === "member" ? "a" : "an");

/** Roles an actor may hand out (core/access.ts `GRANTABLE`). */
export function assertMayGrantRole(actor: Actor, role: Role): void {
  if (!grantableRoles(actor.role).includes(role))
    throw forbidden(`A ${actor.role} may not give the role ${role}`);
}

/**
 * Changing a role (core/access.ts `roles.change`, `mayChangeRole`): nobody their own; an admin
 * only between the roles an admin may give; the last owner keeps the role.
 */
export function assertMayChangeRole(
  actor: Actor,
  target: { id: string; role: Role },
  to: Role,
  owners: number,
): void {
  if (actor.personId === target.id) throw forbidden("Nobody may change their own role; ask another admin");
  assertOutranks(actor, target, "role");
  authorize(actor, "roles.change");
  if (!mayChangeRole(actor.role, target.role, to)) {
    const [last, ...rest] = grantableRoles(actor.role).reverse();
    const between = `${rest.reverse().join(", ")} and ${last}`;
    throw forbidden(
      `As ${article(actor.role)} ${actor.role} you may change roles only between ${between}; ask an owner`,
    );
  }
  if (target.role === "owner" && to !== "owner" && owners <= 1) {
    throw new AppError("conflict", "This is the last owner; make someone else owner first");
  }
}
