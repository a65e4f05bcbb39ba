import type { Role } from "../../contracts/common";
import { can } from "../lib/permissions";

export interface NavItem {
  to: string;
  label: string;
  /** Shown only to those who may use the page. */
  allow?: (role: Role) => boolean;
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
