import { createTeam } from "../../src/server/modules/teams";
import { actorOf } from "../support/factories";
import type { MatrixContext, RouteCase } from "../support/matrix";
import { everyRole, onlyRoles } from "../support/matrix";

const freshTeam = async (ctx: MatrixContext) =>
  (await createTeam(ctx.env.deps, actorOf(ctx.org.admin), "Matrix team")).id;

export const cases: RouteCase[] = [
  { route: "GET /api/v1/teams", expect: everyRole(200) },
  {
    route: "POST /api/v1/teams",
    prepare: async () => ({ body: { name: "Platform" } }),
    // A foreign manager could create one in their own organisation; the foreign caller is a member.
    expect: onlyRoles(201, ["admin", "hr", "manager"], 403),
    badInput: { wrongType: { field: "name", value: { x: 1 } }, oversized: "name" },
  },
  {
    route: "GET /api/v1/teams/:id",
    prepare: async (ctx) => ({ url: `/api/v1/teams/${await freshTeam(ctx)}` }),
    expect: everyRole(200, 404),
  },
  {
    route: "PATCH /api/v1/teams/:id",
    prepare: async (ctx) => ({ url: `/api/v1/teams/${await freshTeam(ctx)}`, body: { name: "Renamed" } }),
    expect: onlyRoles(200, ["admin", "hr"]),
    badInput: { wrongType: { field: "name", value: 1 }, oversized: "name" },
  },
  {
    route: "DELETE /api/v1/teams/:id",
    prepare: async (ctx) => ({ url: `/api/v1/teams/${await freshTeam(ctx)}` }),
    expect: onlyRoles(204, ["admin", "hr"]),
  },
  {
    route: "PUT /api/v1/teams/:id/members",
    prepare: async (ctx) => ({
      url: `/api/v1/teams/${await freshTeam(ctx)}/members`,
      body: { members: [{ personId: ctx.org.member.person.id, role: "lead" }] },
    }),
    expect: onlyRoles(200, ["admin", "hr"]),
    badInput: { wrongType: { field: "members.0.role", value: 3 }, oversized: "members.0.personId" },
  },
];
