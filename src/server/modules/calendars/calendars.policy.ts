import { type Actor, authorize } from "../../platform/http/actor";

/** A person's calendars are managed by the person themself and by admins (core/access.ts: `calendars.manage`). */
export function assertMayManageCalendars(actor: Actor, personId: string): void {
  authorize(actor, "calendars.manage", { self: actor.personId === personId });
}
