import type { Role } from "../../../contracts/common";
import { AppError, forbidden } from "../../platform/errors";
import { type Actor, hasRole } from "../../platform/http/actor";

const isPeopleAdmin = (actor: Actor) => hasRole(actor, ["admin", "hr"]);

/** The person themself, admins and hr edit a profile, pattern, absences and travel. */
export function assertMayEditPerson(actor: Actor, personId: string): void {
  if (actor.personId !== personId && !isPeopleAdmin(actor)) {
    throw forbidden("Only the person themself, an admin or hr may change this profile");
  }
}

/** Who sees absence kind and reason (others see only a busy period). */
export const maySeeAbsenceDetails = (actor: Actor, personId: string) =>
  actor.personId === personId || isPeopleAdmin(actor);

const RANK: Record<Role, number> = { member: 0, manager: 1, hr: 2, admin: 3, owner: 4 };

/**
 * Someone else's sign-in email, role or status changes only by a person who outranks them: hr
 * cannot touch an admin or the owner, an admin not another admin. An owner may change anyone
 * (roles still keep the last owner).
 */
export function assertOutranks(actor: Actor, target: { id: string; role: Role }, what: string): void {
  if (actor.personId === target.id || actor.role === "owner") return;
  if (RANK[actor.role] <= RANK[target.role]) {
    const who = `${article(actor.role)} ${actor.role}`;
    throw forbidden(
      `As ${who} you may not change the ${what} of ${article(target.role)} ${target.role}; ask an owner`,
    );
  }
}

const article = (role: Role) => (role === "manager" || role === "member" ? "a" : "an");

/** Roles an actor may hand out: owner any; admin hr/manager/member; hr manager/member. */
export function assertMayGrantRole(actor: Actor, role: Role): void {
  const grantable: Record<Role, Role[]> = {
    owner: ["owner", "admin", "hr", "manager", "member"],
    admin: ["hr", "manager", "member"],
    hr: ["manager", "member"],
    manager: [],
    member: [],
  };
  if (!grantable[actor.role].includes(role)) throw forbidden(`A ${actor.role} may not give the role ${role}`);
}

/**
 * Changing a role: owner any; admin only between hr/manager/member; nobody their own;
 * the last owner keeps the role.
 */
export function assertMayChangeRole(
  actor: Actor,
  target: { id: string; role: Role },
  to: Role,
  owners: number,
): void {
  if (actor.personId === target.id) throw forbidden("Nobody may change their own role; ask another admin");
  assertOutranks(actor, target, "role");
  if (actor.role !== "owner") {
    if (actor.role !== "admin") throw forbidden("Only an owner or admin may change roles");
    const limited: Role[] = ["hr", "manager", "member"];
    if (!limited.includes(target.role) || !limited.includes(to)) {
      throw forbidden("An admin may change roles only between hr, manager and member; ask an owner");
    }
  }
  if (target.role === "owner" && to !== "owner" && owners <= 1) {
    throw new AppError("conflict", "This is the last owner; make someone else owner first");
  }
}
