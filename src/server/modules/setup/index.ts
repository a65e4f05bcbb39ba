export { registerSetupRoutes } from "./setup.routes";
export { createOrganisationWithOwner } from "./setup.service";
