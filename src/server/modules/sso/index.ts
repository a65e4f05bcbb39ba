import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { registerSsoRoutes } from "./sso.routes";

export const ssoModule = defineModule<Deps>({ name: "sso", routes: [registerSsoRoutes] });
