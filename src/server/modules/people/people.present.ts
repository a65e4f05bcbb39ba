import type { PersonView } from "../../../contracts/people";
import type { PersonRow } from "./people.repo";

/** The public shape of a person: never the password hash. */
export function presentPerson(p: PersonRow): PersonView {
  return {
    id: p.id,
    organisationId: p.organisationId,
    name: p.name,
    email: p.email,
    role: p.role,
    timeZone: p.timeZone,
    clockFormat: p.clockFormat,
    managerId: p.managerId,
    workingPattern: { timeZone: p.timeZone, week: p.workingPattern },
    status: p.active ? "active" : "invited",
    createdAt: p.createdAt.toISOString(),
  };
}
