/** The admin feature's door: pages load on first visit. */
import { lazyPage } from "../../lib/lazy-page";

export const AuditPage = lazyPage(() => import("./AuditPage"), "AuditPage");
export const ImportPage = lazyPage(() => import("./ImportPage"), "ImportPage");
export const InvitationsPage = lazyPage(() => import("./InvitationsPage"), "InvitationsPage");
export const OutboxPage = lazyPage(() => import("./OutboxPage"), "OutboxPage");
export const OrganisationPage = lazyPage(() => import("./OrganisationPage"), "OrganisationPage");
