import type { Role } from "../../../contracts/common";
import type { EventAudience } from "../../../contracts/events";
import { holdsRole } from "../../../core/access";

/** Someone holding a live stream open. */
export interface Recipient {
  organisationId: string;
  personId: string;
  role: Role;
}

/** Whether `recipient` may receive an event meant for `audience` (an owner counts as admin). */
export function reaches(audience: EventAudience, recipient: Recipient): boolean {
  if (audience.organisationId !== recipient.organisationId) return false;
  const { roles, personIds } = audience;
  if (!roles && !personIds) return true;
  return (
    (roles ? holdsRole(recipient.role, roles) : false) || (personIds?.includes(recipient.personId) ?? false)
  );
}
