import type { WeekPattern } from "../core/time/types";
import type { Role } from "./common";

/** Response shapes shared by the server's presenters and the web app. */
export interface PersonView {
  id: string;
  organisationId: string;
  name: string;
  email: string;
  role: Role;
  timeZone: string;
  managerId: string | null;
  workingPattern: { timeZone: string; week: WeekPattern };
  status: "active" | "invited";
  createdAt: string;
}

export interface OrganisationView {
  id: string;
  name: string;
  timeZone: string;
  createdAt: string;
}

export interface SessionView {
  person: PersonView;
  organisation: OrganisationView;
}

export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface TeamMemberView {
  personId: string;
  role: "lead" | "member";
}

export interface TeamView {
  id: string;
  name: string;
  createdAt: string;
  members: TeamMemberView[];
}
