import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { registerSetupRoutes } from "./setup.routes";

export { assertSetupOpen, createOrganisationWithOwner } from "./setup.service";

export const setupModule = defineModule<Deps>({ name: "setup", routes: [registerSetupRoutes] });
