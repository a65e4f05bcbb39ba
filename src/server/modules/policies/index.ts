export { registerPolicyRoutes } from "./policies.routes";
