export { registerDemoRoutes } from "./demo.routes";
export { demoZones, seedDemo } from "./demo.service";
export { DEMO_ORGANISATION, DEMO_OWNER, DEMO_PEOPLE, DEMO_TEAMS } from "./demo-data";
