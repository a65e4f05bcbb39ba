import type { Role } from "../../../contracts/common";
import type { EventAudience } from "../../../contracts/events";

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
  const role = recipient.role === "owner" ? ["owner", "admin"] : [recipient.role];
  return (
    (roles?.some((r) => role.includes(r)) ?? false) || (personIds?.includes(recipient.personId) ?? false)
  );
}
