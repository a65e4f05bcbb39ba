import type { Role } from "../../contracts/common";
import { type Action, grantableRoles, may } from "../../core/access";

/**
 * What the signed-in person may do, read from the same access map as the server's policies
 * (core/access.ts), so pages offer only what works. The server still decides.
 */
type Viewer = { id: string; role: Role };

export const can = {
  /** Whether a role may do an action that no relationship grants (nav entries, page access). */
  do: (action: Action) => (role: Role) => may({ role }, action),
  managePeople: (role: Role) => may({ role }, "people.invite"),
  editPerson: (viewer: Viewer, personId: string) =>
    may(viewer, "person.edit", { self: viewer.id === personId }),
  seeAbsenceDetails: (viewer: Viewer, personId: string) =>
    may(viewer, "person.readAbsenceDetails", { self: viewer.id === personId }),
  /** A person's data as a ZIP: the person themself, HR and admins (on their request). */
  exportPerson: (viewer: Viewer, personId: string) =>
    may(viewer, "person.export", { self: viewer.id === personId }),
  createTeam: (role: Role) => may({ role }, "teams.create"),
  editTeam: (role: Role, isLead: boolean) => may({ role }, "team.edit", { leadOf: isLead }),
  /** A team's agreement override: its leads and owners/admins (not hr). */
  tightenTeamAgreement: (role: Role, isLead: boolean) =>
    may({ role }, "team.tightenAgreement", { leadOf: isLead }),
  /** A person's calendars: the person themself and owners/admins (not hr). */
  manageCalendars: (viewer: Viewer, personId: string) =>
    may(viewer, "calendars.manage", { self: viewer.id === personId }),
  deleteRotation: (viewer: Viewer, createdBy: string) =>
    may(viewer, "rotation.delete", { authorOf: viewer.id === createdBy }),
  /** Webhooks for the whole organisation: owners and admins. */
  manageOrgWebhooks: (role: Role) => may({ role }, "webhooks.manageOrg"),
  /** A team's webhooks: its leads, owners and admins. */
  manageTeamWebhooks: (role: Role, isLead: boolean) =>
    may({ role }, "webhooks.manageTeam", { leadOf: isLead }),
  /** A team's insights (aggregates only): its leads, HR and admins. */
  readTeamInsights: (role: Role, isLead: boolean) => may({ role }, "insights.readTeam", { leadOf: isLead }),
  /** Before and after an agreement version: a team's leads, HR and admins. */
  readAgreementEffect: (role: Role, isLead: boolean) =>
    may({ role }, "insights.readAgreementEffect", { leadOf: isLead }),
  /** Owners and admins change roles, never their own. */
  changeRoleOf: (viewer: Viewer, personId: string) => viewer.id !== personId && may(viewer, "roles.change"),
};

/** Roles someone may give to a new or existing person (owner any; admin below admin; hr below hr). */
export { grantableRoles };
