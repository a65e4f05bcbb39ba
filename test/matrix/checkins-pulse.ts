import { buildCheckin } from "../support/build";
import type { MatrixContext, RouteCase, Who } from "../support/matrix";
import { everyRole, onlyRoles } from "../support/matrix";

/** A ritual the admin created for the member alone: the manager has no part in it. */
const ritual =
  (path: string) =>
  async ({ env, org }: MatrixContext) => {
    const { checkin } = await buildCheckin(env, { org, participants: [org.member] });
    return { url: `/api/v1/checkins/${checkin.id}/${path}` };
  };

/** Readers of a ritual: admins by role, its participant; everyone else is told it does not exist. */
const readers = (hr: number): Record<Who, number> => ({
  owner: 200,
  admin: 200,
  hr,
  manager: 404,
  member: 200,
  foreign: 404,
  anonymous: 401,
});

export const cases: RouteCase[] = [
  // HR read team pulse by role ("pulse.readAggregate"), never the ritual itself.
  { route: "GET /api/v1/checkins/:id/pulse", prepare: ritual("pulse"), expect: readers(200) },
  { route: "GET /api/v1/checkins/:id/participation", prepare: ritual("participation"), expect: readers(404) },
  // Everyone reads the thresholds (pages say them); a foreign caller reads their own organisation's.
  { route: "GET /api/v1/organisation/privacy", expect: everyRole(200) },
  {
    route: "PUT /api/v1/organisation/privacy",
    // The defaults: a raise here would stay raised for every other row of the shared organisation.
    prepare: async () => ({ body: { minGroupSize: 5, minTextGroupSize: 10 } }),
    expect: onlyRoles(200, ["admin"], 403),
    badInput: { wrongType: { field: "minGroupSize", value: "five" } },
  },
];
