import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { registerAuthRoutes } from "./auth.routes";

export { installAuth } from "./auth.hook";
export { setSessionCookie } from "./auth.routes";
export { createSession } from "./sessions";

export const authModule = defineModule<Deps>({ name: "auth", routes: [registerAuthRoutes] });
