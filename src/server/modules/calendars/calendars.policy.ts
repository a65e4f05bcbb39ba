import { forbidden } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";

/** A person's calendars are managed by the person themself and by admins (owners count as admins). */
export function assertMayManageCalendars(actor: Actor, personId: string): void {
  if (actor.personId === personId || actor.role === "owner" || actor.role === "admin") return;
  throw forbidden("Only the person themself or an admin may manage this person's calendars");
}
