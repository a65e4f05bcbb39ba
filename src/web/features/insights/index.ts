/**
 * The insights feature's door (issue 16): Mine, My team, Organisation, Agreement effect and Meeting
 * audit, and Home's balance card, each area in its own chunk (the charts in yet another).
 */
import { lazyPage } from "../../lib/lazy-page";

export { insightKeys } from "./keys";

const pages = () => import("./pages");
export const MyInsightsPage = lazyPage(pages, "MyInsightsPage");
export const TeamInsightsPage = lazyPage(pages, "TeamInsightsPage");
export const OrganisationInsightsPage = lazyPage(pages, "OrganisationInsightsPage");
export const AgreementEffectPage = lazyPage(pages, "AgreementEffectPage");
export const MeetingAuditPage = lazyPage(pages, "MeetingAuditPage");
/** Home's "Balance this week": a chunk of its own; wrap in a Suspense. */
export const BalanceCard = lazyPage(() => import("./home-cards"), "BalanceCard");
