import { createPolicy } from "../../src/server/modules/policies/policies.service";
import { actorOf } from "../support/factories";
import type { MatrixContext, RouteCase } from "../support/matrix";
import { everyRole, onlyRoles } from "../support/matrix";

const freshPolicy = async (ctx: MatrixContext) =>
  (
    await createPolicy(ctx.env.deps, actorOf(ctx.org.hr), {
      templateId: "right-to-disconnect",
      title: "Disconnect",
    })
  ).id;

export const cases: RouteCase[] = [
  { route: "GET /api/v1/policies/templates", expect: everyRole(200) },
  { route: "GET /api/v1/policies", expect: everyRole(200) },
  {
    route: "POST /api/v1/policies",
    prepare: async () => ({ body: { templateId: "meeting-policy", title: "How we meet" } }),
    expect: onlyRoles(201, ["admin", "hr"], 403),
    badInput: { wrongType: { field: "title", value: 5 }, oversized: "body" },
  },
  {
    route: "GET /api/v1/policies/:id",
    prepare: async (ctx) => ({ url: `/api/v1/policies/${await freshPolicy(ctx)}` }),
    expect: everyRole(200, 404),
  },
  {
    route: "PUT /api/v1/policies/:id",
    prepare: async (ctx) => ({
      url: `/api/v1/policies/${await freshPolicy(ctx)}`,
      body: { body: "# New text", changeSummary: "Rewrite" },
    }),
    expect: onlyRoles(200, ["admin", "hr"]),
    badInput: { wrongType: { field: "body", value: 5 }, oversized: "title" },
  },
  {
    route: "GET /api/v1/policies/:id/versions",
    prepare: async (ctx) => ({ url: `/api/v1/policies/${await freshPolicy(ctx)}/versions` }),
    expect: everyRole(200, 404),
  },
  {
    route: "POST /api/v1/policies/:id/acknowledgements",
    prepare: async (ctx) => ({
      url: `/api/v1/policies/${await freshPolicy(ctx)}/acknowledgements`,
      body: { version: 1 },
    }),
    expect: everyRole(201, 404),
    badInput: { wrongType: { field: "version", value: "1" } },
  },
  {
    route: "GET /api/v1/policies/:id/compliance",
    prepare: async (ctx) => ({ url: `/api/v1/policies/${await freshPolicy(ctx)}/compliance` }),
    expect: onlyRoles(200, ["admin", "hr"]),
  },
  { route: "GET /api/v1/me/policies", expect: everyRole(200) },
];
