import { buildCheckin, buildTeam } from "../support/build";
import type { MatrixContext, RouteCase, Who } from "../support/matrix";
import { everyRole, onlyRoles } from "../support/matrix";

/**
 * Rituals: a team led by the manager with the member in it. Admins (and the owner) create for any
 * team, the manager for the team they lead; HR and the member may not. Another organisation's member
 * leads nothing here: 403 on create and preview, 404 on a ritual.
 */
const teamOf = async ({ env, org }: MatrixContext) =>
  (await buildTeam(env, { org, name: "Matrix team", lead: org.manager, members: [org.member] })).team;

const checkinOf = async (ctx: MatrixContext) =>
  (await buildCheckin(ctx.env, { org: ctx.org, team: await teamOf(ctx) })).checkin.id;

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
  url: `/api/v1/checkins/${await checkinOf(ctx)}`,
  ...(body === undefined ? {} : { body }),
});

const schedule = { days: ["mon", "tue", "wed", "thu", "fri"], localTime: "09:30" };

export const cases: RouteCase[] = [
  {
    route: "POST /api/v1/checkins",
    prepare: async (ctx) => ({ body: { teamId: (await teamOf(ctx)).id, templateId: "daily_standup" } }),
    expect: onlyRoles(201, ["admin", "manager"], 403),
    badInput: { wrongType: { field: "windowHours", value: "a day" }, oversized: "name" },
  },
  { route: "GET /api/v1/checkins", expect: everyRole(200) },
  { route: "GET /api/v1/checkins/templates", expect: everyRole(200) },
  {
    route: "POST /api/v1/checkins/preview",
    prepare: async (ctx) => ({ body: { teamId: (await teamOf(ctx)).id, schedule } }),
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
