import { buildCheckin, buildTeam } from "../support/build";
import type { MatrixContext, RouteCase, Who } from "../support/matrix";
import { everyRole, onlyRoles } from "../support/matrix";

/**
 * Rituals: a team with the member in it. Admins (and the owner) create for any team; the manager's
 * row is called by a manager who leads that team — one made for the row, since nobody in the matrix
 * organisation may lead a team (other modules' rows count on it). HR and the member may not. Another
 * organisation's member leads nothing here: 403 on create and preview, 404 on a ritual.
 */
const teamOf = async ({ env, org, who }: MatrixContext) => {
  const lead = who === "manager" ? await org.add("manager") : undefined;
  const { team } = await buildTeam(env, {
    org,
    name: "Matrix team",
    members: [org.member],
    ...(lead ? { lead } : {}),
  });
  return { team, ...(lead ? { as: lead.caller } : {}) };
};

const checkinOf = async (ctx: MatrixContext) => {
  const { team, as } = await teamOf(ctx);
  const { checkin } = await buildCheckin(ctx.env, { org: ctx.org, team });
  return { url: `/api/v1/checkins/${checkin.id}`, ...(as ? { as } : {}) };
};

/** The lead and admins run it, the member takes part (reads it), HR and strangers are told it does not exist. */
const ritual = (manage: number, read = manage): Record<Who, number> => ({
  owner: manage,
  admin: manage,
  hr: 404,
  manager: manage,
  member: read,
  foreign: 404,
  anonymous: 401,
});

const on = (body?: unknown) => async (ctx: MatrixContext) => ({
  ...(await checkinOf(ctx)),
  ...(body === undefined ? {} : { body }),
});

const schedule = { days: ["mon", "tue", "wed", "thu", "fri"], localTime: "09:30" };

export const cases: RouteCase[] = [
  {
    route: "POST /api/v1/checkins",
    prepare: async (ctx) => {
      const { team, as } = await teamOf(ctx);
      return { body: { teamId: team.id, templateId: "daily_standup" }, ...(as ? { as } : {}) };
    },
    expect: onlyRoles(201, ["admin", "manager"], 403),
    badInput: { wrongType: { field: "windowHours", value: "a day" }, oversized: "name" },
  },
  { route: "GET /api/v1/checkins", expect: everyRole(200) },
  { route: "GET /api/v1/checkins/templates", expect: everyRole(200) },
  {
    route: "POST /api/v1/checkins/preview",
    prepare: async (ctx) => {
      const { team, as } = await teamOf(ctx);
      return { body: { teamId: team.id, schedule }, ...(as ? { as } : {}) };
    },
    expect: onlyRoles(200, ["admin", "manager"], 403),
    badInput: { wrongType: { field: "schedule.days", value: "monday" }, oversized: "schedule.localTime" },
  },
  { route: "GET /api/v1/checkins/:id", prepare: on(), expect: ritual(200) },
  {
    route: "PATCH /api/v1/checkins/:id",
    prepare: on({ name: "Renamed in the matrix", windowHours: 6 }),
    expect: ritual(200, 403),
    badInput: { wrongType: { field: "windowHours", value: "six" }, oversized: "name" },
  },
  { route: "DELETE /api/v1/checkins/:id", prepare: on(), expect: ritual(204, 403) },
];
