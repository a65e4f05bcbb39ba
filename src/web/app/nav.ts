import type { Role } from "../../contracts/common";
import { can } from "../lib/permissions";
import { useTeams } from "../lib/resources";

/** What the navigation knows about the viewer beyond their role. */
export interface NavFacts {
  /** They lead at least one team. */
  leadsATeam: boolean;
}

export interface NavItem {
  to: string;
  label: string;
  /** Shown only to those who may use the page. */
  allow?: (role: Role, facts: NavFacts) => boolean;
}

export interface NavSection {
  label?: string;
  items: NavItem[];
}

/** The navigation map of UX.md; a page appears here only once it works. */
export const NAV: NavSection[] = [
  { items: [{ to: "/", label: "Home" }] },
  {
    label: "Meetings",
    items: [
      { to: "/meetings", label: "Meetings" },
      { to: "/meetings/find-a-time", label: "Find a time" },
      { to: "/meetings/calendar", label: "My calendar" },
    ],
  },
  {
    label: "Updates",
    items: [
      { to: "/updates", label: "Feed" },
      { to: "/updates/decisions", label: "Decision log" },
    ],
  },
  { label: "Docs", items: [{ to: "/docs", label: "Docs" }] },
  {
    label: "Check-ins",
    items: [
      { to: "/checkins", label: "Check-ins" },
      { to: "/checkins/blockers", label: "Blockers" },
    ],
  },
  {
    label: "Team",
    items: [
      { to: "/team/people", label: "People" },
      { to: "/team/clock", label: "Team clock" },
      { to: "/team/teams", label: "Teams" },
      { to: "/team/rotation", label: "Rotation" },
    ],
  },
  {
    label: "Insights",
    items: [
      // Mine is everyone's own; the meeting audit is for leads and organisers, and anyone may organise.
      { to: "/insights", label: "Mine" },
      {
        to: "/insights/team",
        label: "My team",
        allow: (role, f) => can.readTeamInsights(role, f.leadsATeam),
      },
      {
        to: "/insights/organisation",
        label: "Whole organisation",
        allow: can.do("insights.readOrganisation"),
      },
      {
        to: "/insights/agreement-effect",
        label: "Agreement effect",
        allow: (role, f) => can.readAgreementEffect(role, f.leadsATeam),
      },
      { to: "/insights/meeting-audit", label: "Meeting audit" },
    ],
  },
  {
    label: "Agreement",
    items: [
      { to: "/agreement", label: "Working agreement" },
      { to: "/agreement/policies", label: "Policies" },
      { to: "/agreement/advisor", label: "Should this be a meeting?" },
      { to: "/agreement/compliance", label: "Acknowledgements", allow: can.do("acknowledgements.read") },
    ],
  },
  {
    label: "Settings",
    items: [
      { to: "/settings/profile", label: "Profile" },
      { to: "/settings/notifications", label: "Notifications" },
      { to: "/settings/tokens", label: "API tokens" },
      { to: "/settings/organisation", label: "Organisation", allow: can.do("recordings.settings") },
      { to: "/settings/invitations", label: "Invitations", allow: can.do("invitations.read") },
      { to: "/settings/import", label: "Import people", allow: can.do("people.import") },
      { to: "/settings/webhooks", label: "Webhooks", allow: can.do("webhooks.manageOrg") },
      { to: "/settings/urgent-log", label: "Urgent log", allow: can.do("notifications.readUrgentLog") },
      { to: "/settings/outbox", label: "Outbox", allow: can.do("outbox.read") },
      { to: "/settings/audit", label: "Audit log", allow: can.do("audit.read") },
      { to: "/settings/operations", label: "Operations", allow: can.do("operations.read") },
    ],
  },
];

/** The navigation item a path belongs to: the most specific one ("/agreement/policies/1" → Policies). */
export function activeNavTo(pathname: string): string | undefined {
  const matches = NAV.flatMap((s) => s.items.map((n) => n.to)).filter((to) =>
    to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`),
  );
  return matches.sort((a, b) => b.length - a.length)[0];
}

/**
 * What the navigation needs beyond the role: whether the viewer leads a team (a lead's pages, e.g. My
 * team). HR and admins see those pages by role, so only the others load the teams for it.
 */
export function useNavFacts(viewer: { id: string; role: Role }): NavFacts {
  const byRole = can.readTeamInsights(viewer.role, false);
  const teams = useTeams(!byRole);
  return {
    leadsATeam: Boolean(
      teams.data?.some((t) => t.members.some((m) => m.personId === viewer.id && m.role === "lead")),
    ),
  };
}
