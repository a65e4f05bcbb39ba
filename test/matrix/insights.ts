import { buildTeam } from "../support/build";
import type { MatrixContext, RouteCase, Who } from "../support/matrix";
import { everyRole, onlyRoles } from "../support/matrix";

/** A team of the shared organisation with the member in it and no lead (no matrix caller leads a team). */
async function team({ env, org }: MatrixContext) {
  const { team } = await buildTeam(env, { org, name: "Insights reads", members: [org.member] });
  return { url: `/api/v1/insights/teams/${team.id}` };
}

/** HR and admins by role (a team's leads too: none here); its own member is refused, a foreign caller cannot find it. */
const teamReaders: Record<Who, number> = {
  owner: 200,
  admin: 200,
  hr: 200,
  manager: 403,
  member: 403,
  foreign: 404,
  anonymous: 401,
};

export const cases: RouteCase[] = [
  // Always the caller's own figures, whatever the role; a foreign caller reads their own too.
  { route: "GET /api/v1/insights/me", expect: everyRole(200) },
  { route: "GET /api/v1/insights/teams/:id", prepare: team, expect: teamReaders },
  // A foreign member is a member of their own organisation: refused by role like ours.
  {
    route: "GET /api/v1/insights/organisation",
    prepare: async () => ({ url: "/api/v1/insights/organisation?groupBy=team" }),
    expect: onlyRoles(200, ["admin", "hr"], 403),
  },
];
