import type { Role } from "./common";
import type { WeekPattern } from "./week";

/** Response shapes shared by the server's presenters and the web app. */
export type ClockFormat = "12h" | "24h";

export interface PersonView {
  id: string;
  organisationId: string;
  name: string;
  email: string;
  role: Role;
  timeZone: string;
  /** 12 or 24 hours on every time shown to them; null: as their browser shows times. */
  clockFormat: ClockFormat | null;
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
