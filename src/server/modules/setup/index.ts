export { registerSetupRoutes } from "./setup.routes";
export { assertSetupOpen, createOrganisationWithOwner } from "./setup.service";
