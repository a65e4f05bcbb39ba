import type { ReactNode } from "react";
import { AuditPage } from "../features/admin/AuditPage";
import { ImportPage } from "../features/admin/ImportPage";
import { InvitationsPage } from "../features/admin/InvitationsPage";
import { OutboxPage } from "../features/admin/OutboxPage";
import { AdvisorPage } from "../features/advisor/AdvisorPage";
import { AgreementPage } from "../features/agreement/AgreementPage";
import { CompliancePage } from "../features/agreement/CompliancePage";
import { EditAgreementPage } from "../features/agreement/EditAgreementPage";
import { VersionPage, VersionsPage } from "../features/agreement/VersionsPage";
import { TeamClockPage } from "../features/clock/TeamClockPage";
import { HomePage } from "../features/home/HomePage";
import { EditPersonPage } from "../features/people/EditPersonPage";
import { PeopleDirectoryPage } from "../features/people/PeopleDirectoryPage";
import { PersonPage } from "../features/people/PersonPage";
import { PoliciesPage } from "../features/policies/PoliciesPage";
import { PolicyPage } from "../features/policies/PolicyPage";
import { FindTimePage } from "../features/scheduling/FindTimePage";
import { RotationPage } from "../features/scheduling/RotationPage";
import { ProfilePage } from "../features/settings/ProfilePage";
import { TokensPage } from "../features/settings/TokensPage";
import { TeamPage } from "../features/teams/TeamPage";
import { TeamsPage } from "../features/teams/TeamsPage";

export interface AppRoute {
  path: string;
  element: ReactNode;
}

/** Every signed-in page; the navigation in Layout links to the top-level ones. */
export const appRoutes: AppRoute[] = [
  { path: "/", element: <HomePage /> },
  { path: "/team/people", element: <PeopleDirectoryPage /> },
  { path: "/team/people/:id", element: <PersonPage /> },
  { path: "/team/people/:id/edit", element: <EditPersonPage /> },
  { path: "/meetings/find-a-time", element: <FindTimePage /> },
  { path: "/team/clock", element: <TeamClockPage /> },
  { path: "/team/rotation", element: <RotationPage /> },
  { path: "/team/teams", element: <TeamsPage /> },
  { path: "/team/teams/:id", element: <TeamPage /> },
  { path: "/agreement", element: <AgreementPage /> },
  { path: "/agreement/edit", element: <EditAgreementPage /> },
  { path: "/agreement/versions", element: <VersionsPage /> },
  { path: "/agreement/versions/:n", element: <VersionPage /> },
  { path: "/agreement/compliance", element: <CompliancePage /> },
  { path: "/agreement/policies", element: <PoliciesPage /> },
  { path: "/agreement/policies/:id", element: <PolicyPage /> },
  { path: "/agreement/advisor", element: <AdvisorPage /> },
  { path: "/settings/profile", element: <ProfilePage /> },
  { path: "/settings/tokens", element: <TokensPage /> },
  { path: "/settings/invitations", element: <InvitationsPage /> },
  { path: "/settings/import", element: <ImportPage /> },
  { path: "/settings/outbox", element: <OutboxPage /> },
  { path: "/settings/audit", element: <AuditPage /> },
];
