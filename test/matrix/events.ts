import { everyRole, type RouteCase } from "../support/matrix";

// Everyone signed in may listen (a foreign caller hears their own organisation); bad input is
// tested in platform/events/live-events.test.ts, since the route takes no body.
export const cases: RouteCase[] = [{ route: "GET /api/v1/events", expect: everyRole(200), stream: true }];
