import type { RouteCase } from "../support/matrix";
import { everyRole } from "../support/matrix";

/** Search answers every signed-in person (what they may read); a foreign caller searches their own organisation. */
export const cases: RouteCase[] = [
  {
    route: "GET /api/v1/search",
    prepare: async () => ({ url: "/api/v1/search?q=roadmap" }),
    expect: everyRole(200),
  },
];
