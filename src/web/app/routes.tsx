import type { ReactNode } from "react";
import type { Params } from "react-router";
import type { Role } from "../../contracts/common";
import { AuditPage, ImportPage, InvitationsPage, OrganisationPage, OutboxPage } from "../features/admin";
import { AdvisorPage } from "../features/advisor";
import {
  AgreementPage,
  CompliancePage,
  EditAgreementPage,
  VersionPage,
  VersionsPage,
} from "../features/agreement";
import { MyCalendarPage } from "../features/calendars";
import {
  AnswerPage,
  BlockersPage,
  CheckinPage,
  CheckinsPage,
  EditCheckinPage,
  NewCheckinPage,
} from "../features/checkins";
import { TeamClockPage } from "../features/clock";
import { DocumentHistoryPage, DocumentPage, DocumentsPage, NewDocumentPage } from "../features/documents";
import { HomePage } from "../features/home";
import {
  AgreementEffectPage,
  MeetingAuditPage,
  MyInsightsPage,
  OrganisationInsightsPage,
  TeamInsightsPage,
} from "../features/insights";
import { EditMeetingPage, MeetingPage, MeetingsPage, NewMeetingPage } from "../features/meetings";
import { InboxPage, NotificationSettingsPage, UrgentLogPage, WebhooksPage } from "../features/notifications";
import { OperationsPage } from "../features/operations";
import { EditPersonPage, PeopleDirectoryPage, PersonPage } from "../features/people";
import { PoliciesPage, PolicyPage } from "../features/policies";
import { RecordVideoPage } from "../features/recordings";
import { FindTimePage, RotationPage } from "../features/scheduling";
import { SearchPage } from "../features/search";
import { ProfilePage, TokensPage } from "../features/settings";
import { TeamPage, TeamsPage } from "../features/teams";
import { DecisionLogPage, NewUpdatePage, UpdatePage, UpdatesPage } from "../features/updates";
import { can } from "../lib/permissions";

export interface AppRoute {
  path: string;
  /** The page's name in the browser tab: "Agreement · Tandem". */
  title: string;
  element: ReactNode;
  /** Who may use the page (as the server decides); others read "You don't have access to this page". */
  allow?: (viewer: { id: string; role: Role }, params: Readonly<Params>) => boolean;
}

const byRole = (rule: (role: Role) => boolean) => (viewer: { role: Role }) => rule(viewer.role);

/** Every signed-in page, each loaded on first visit; the navigation in Layout links to the top-level ones. */
export const appRoutes: AppRoute[] = [
  { path: "/", title: "Home", element: <HomePage /> },
  { path: "/team/people", title: "People", element: <PeopleDirectoryPage /> },
  { path: "/team/people/:id", title: "Person", element: <PersonPage /> },
  {
    path: "/team/people/:id/edit",
    title: "Edit person",
    element: <EditPersonPage />,
    allow: (viewer, params) => can.editPerson(viewer, params.id ?? ""),
  },
  { path: "/meetings", title: "Meetings", element: <MeetingsPage /> },
  { path: "/meetings/new", title: "New meeting", element: <NewMeetingPage /> },
  { path: "/meetings/find-a-time", title: "Find a time", element: <FindTimePage /> },
  { path: "/meetings/calendar", title: "My calendar", element: <MyCalendarPage /> },
  {
    path: "/meetings/calendar/:id",
    title: "Calendar",
    element: <MyCalendarPage />,
    allow: (viewer, params) => can.manageCalendars(viewer, params.id ?? ""),
  },
  { path: "/meetings/:id", title: "Meeting", element: <MeetingPage /> },
  { path: "/meetings/:id/edit", title: "Edit meeting", element: <EditMeetingPage /> },
  { path: "/updates", title: "Updates", element: <UpdatesPage /> },
  { path: "/updates/new", title: "New update", element: <NewUpdatePage /> },
  { path: "/updates/decisions", title: "Decision log", element: <DecisionLogPage /> },
  { path: "/updates/record", title: "Record a video update", element: <RecordVideoPage /> },
  { path: "/updates/:id", title: "Update", element: <UpdatePage /> },
  { path: "/docs", title: "Docs", element: <DocumentsPage /> },
  { path: "/docs/new", title: "New document", element: <NewDocumentPage /> },
  { path: "/docs/:id", title: "Document", element: <DocumentPage /> },
  { path: "/docs/:id/history", title: "Document history", element: <DocumentHistoryPage /> },
  { path: "/checkins", title: "Check-ins", element: <CheckinsPage /> },
  // Admins for anyone, leads for their teams: the page itself tells who leads a team.
  { path: "/checkins/new", title: "New check-in", element: <NewCheckinPage /> },
  { path: "/checkins/blockers", title: "Blockers", element: <BlockersPage /> },
  { path: "/checkins/answer/:occurrenceId", title: "Answer check-in", element: <AnswerPage /> },
  { path: "/checkins/:id", title: "Check-in", element: <CheckinPage /> },
  { path: "/checkins/:id/edit", title: "Edit check-in", element: <EditCheckinPage /> },
  { path: "/search", title: "Search", element: <SearchPage /> },
  { path: "/team/clock", title: "Team clock", element: <TeamClockPage /> },
  { path: "/team/rotation", title: "Rotation", element: <RotationPage /> },
  { path: "/team/teams", title: "Teams", element: <TeamsPage /> },
  { path: "/team/teams/:id", title: "Team", element: <TeamPage /> },
  { path: "/insights", title: "My insights", element: <MyInsightsPage /> },
  // Leads for their teams, HR and admins for all: the page itself tells who leads a team.
  { path: "/insights/team", title: "Team insights", element: <TeamInsightsPage /> },
  {
    path: "/insights/organisation",
    title: "Organisation insights",
    element: <OrganisationInsightsPage />,
    allow: byRole(can.do("insights.readOrganisation")),
  },
  { path: "/insights/agreement-effect", title: "Agreement effect", element: <AgreementEffectPage /> },
  { path: "/insights/meeting-audit", title: "Meeting audit", element: <MeetingAuditPage /> },
  { path: "/agreement", title: "Working agreement", element: <AgreementPage /> },
  {
    path: "/agreement/edit",
    title: "Edit the working agreement",
    element: <EditAgreementPage />,
    allow: byRole(can.do("agreement.publish")),
  },
  { path: "/agreement/versions", title: "Version history", element: <VersionsPage /> },
  { path: "/agreement/versions/:n", title: "Agreement version", element: <VersionPage /> },
  {
    path: "/agreement/compliance",
    title: "Acknowledgements",
    element: <CompliancePage />,
    allow: byRole(can.do("acknowledgements.read")),
  },
  { path: "/agreement/policies", title: "Policies", element: <PoliciesPage /> },
  { path: "/agreement/policies/:id", title: "Policy", element: <PolicyPage /> },
  { path: "/agreement/advisor", title: "Should this be a meeting?", element: <AdvisorPage /> },
  { path: "/settings/profile", title: "Profile", element: <ProfilePage /> },
  { path: "/inbox", title: "Inbox", element: <InboxPage /> },
  { path: "/settings/notifications", title: "Notifications", element: <NotificationSettingsPage /> },
  { path: "/settings/tokens", title: "API tokens", element: <TokensPage /> },
  {
    path: "/settings/organisation",
    title: "Organisation",
    element: <OrganisationPage />,
    allow: byRole(can.do("recordings.settings")),
  },
  {
    path: "/settings/invitations",
    title: "Invitations",
    element: <InvitationsPage />,
    allow: byRole(can.do("invitations.read")),
  },
  {
    path: "/settings/import",
    title: "Import people",
    element: <ImportPage />,
    allow: byRole(can.do("people.import")),
  },
  // Admins for the organisation, leads for their teams: the page itself tells who leads a team.
  { path: "/settings/webhooks", title: "Webhooks", element: <WebhooksPage /> },
  {
    path: "/settings/urgent-log",
    title: "Urgent log",
    element: <UrgentLogPage />,
    allow: byRole(can.do("notifications.readUrgentLog")),
  },
  {
    path: "/settings/outbox",
    title: "Outbox",
    element: <OutboxPage />,
    allow: byRole(can.do("outbox.read")),
  },
  {
    path: "/settings/audit",
    title: "Audit log",
    element: <AuditPage />,
    allow: byRole(can.do("audit.read")),
  },
  {
    path: "/settings/operations",
    title: "Operations",
    element: <OperationsPage />,
    allow: byRole(can.do("operations.read")),
  },
];
