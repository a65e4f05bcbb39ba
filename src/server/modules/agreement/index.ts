export { AGREEMENT_REMINDERS_QUEUE, remindOverdueAcknowledgements } from "./acknowledgements.service";
export { registerAgreementRoutes } from "./agreement.routes";
export { createDefaultAgreement } from "./agreement.service";
export { complianceView } from "./compliance";
