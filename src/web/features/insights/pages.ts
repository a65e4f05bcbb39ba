/** Every page of the insights area in one chunk behind one loader; the charts are a chunk of their own. */
export { AgreementEffectPage } from "./AgreementEffectPage";
export { MeetingAuditPage } from "./MeetingAuditPage";
export { MyInsightsPage } from "./MyInsightsPage";
export { OrganisationInsightsPage } from "./OrganisationInsightsPage";
export { TeamInsightsPage } from "./TeamInsightsPage";
