export { registerAgreementRoutes } from "./agreement.routes";
export { createDefaultAgreement } from "./agreement.service";
