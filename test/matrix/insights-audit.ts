import { buildTeam } from "../support/build";
import type { MatrixContext, RouteCase, Who } from "../support/matrix";
import { everyRole } from "../support/matrix";

/**
 * A team of the shared organisation led by a person of its own (no matrix caller leads a team: other
 * rows rely on that), with the member in it.
 */
async function ledTeam({ env, org }: MatrixContext) {
  const lead = await org.add("manager");
  const { team } = await buildTeam(env, { org, name: "Insights matrix", lead, members: [org.member] });
  return team;
}

/** HR and admins by role; the team's own member and a manager who does not lead it, refused. */
const effectReaders: Record<Who, number> = {
  owner: 200,
  admin: 200,
  hr: 200,
  manager: 403,
  member: 403,
  foreign: 404,
  anonymous: 401,
};

/** A private read: only the team's leads, never a role; a foreign caller cannot find the team. */
const auditReaders: Record<Who, number> = {
  owner: 403,
  admin: 403,
  hr: 403,
  manager: 403,
  member: 403,
  foreign: 404,
  anonymous: 401,
};

export const cases: RouteCase[] = [
  {
    route: "GET /api/v1/insights/agreement-effect",
    prepare: async (ctx) => ({
      url: `/api/v1/insights/agreement-effect?teamId=${(await ledTeam(ctx)).id}&version=1`,
    }),
    expect: effectReaders,
  },
  {
    route: "GET /api/v1/insights/meeting-audit",
    prepare: async (ctx) => ({ url: `/api/v1/insights/meeting-audit?teamId=${(await ledTeam(ctx)).id}` }),
    expect: auditReaders,
  },
  // Without a team: everyone reads the series they organise (none here), in their own organisation.
  { route: "GET /api/v1/insights/meeting-audit", expect: everyRole(200) },
];
