import type { Role } from "../../contracts/common";

/** What the signed-in person may do, mirroring the server's role matrix so pages offer only what works. */
const isAdmin = (role: Role) => role === "owner" || role === "admin";

export const can = {
  managePeople: (role: Role) => isAdmin(role) || role === "hr",
  editPerson: (viewer: { id: string; role: Role }, personId: string) =>
    viewer.id === personId || can.managePeople(viewer.role),
  seeAbsenceDetails: (viewer: { id: string; role: Role }, personId: string) =>
    can.editPerson(viewer, personId),
  createTeam: (role: Role) => can.managePeople(role) || role === "manager",
  editTeam: (role: Role, isLead: boolean) => can.managePeople(role) || isLead,
  readAdminLogs: isAdmin,
  /** A team's agreement override: its leads and owners/admins (not hr). */
  tightenTeamAgreement: (role: Role, isLead: boolean) => isAdmin(role) || isLead,
  /** A person's calendars: the person themself and owners/admins (not hr). */
  manageCalendars: (viewer: { id: string; role: Role }, personId: string) =>
    viewer.id === personId || isAdmin(viewer.role),
  /** Owners and admins change roles, never their own. */
  changeRoleOf: (viewer: { id: string; role: Role }, personId: string) =>
    viewer.id !== personId && isAdmin(viewer.role),
};

/** Roles someone may give to a new or existing person (owner any; admin below admin; hr below hr). */
export function grantableRoles(role: Role): Role[] {
  if (role === "owner") return ["owner", "admin", "hr", "manager", "member"];
  if (role === "admin") return ["hr", "manager", "member"];
  if (role === "hr") return ["manager", "member"];
  return [];
}
