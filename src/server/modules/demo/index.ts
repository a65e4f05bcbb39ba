import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { registerDemoRoutes } from "./demo.routes";

export { demoZones, seedDemo } from "./demo.service";
export { DEMO_ORGANISATION, DEMO_OWNER, DEMO_PEOPLE, DEMO_TEAMS } from "./demo-data";

export const demoModule = defineModule<Deps>({ name: "demo", routes: [registerDemoRoutes] });
