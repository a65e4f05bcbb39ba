import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { registerPolicyRoutes } from "./policies.routes";

export const policiesModule = defineModule<Deps>({ name: "policies", routes: [registerPolicyRoutes] });
