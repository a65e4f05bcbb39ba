import { forbidden } from "../../platform/errors";
import { type Actor, hasRole } from "../../platform/http/actor";

/** A person's calendars are managed by the person themself and by admins (owners count as admins). */
export function assertMayManageCalendars(actor: Actor, personId: string): void {
  if (actor.personId === personId || hasRole(actor, ["admin"])) return;
  throw forbidden("Only the person themself or an admin may manage this person's calendars");
}
