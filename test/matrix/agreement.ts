import { createTeam } from "../../src/server/modules/teams";
import { actorOf } from "../support/factories";
import { call } from "../support/harness";
import type { MatrixContext, RouteCase } from "../support/matrix";
import { everyRole, onlyRoles } from "../support/matrix";

/** The current agreement version of the caller's own organisation. */
async function currentVersion({ env, org, foreign, who }: MatrixContext): Promise<number> {
  const asker = who === "foreign" ? foreign.owner : org.owner;
  return (await call(env, "GET", "/api/v1/agreement", { as: asker.caller })).json().agreement.version;
}

export const cases: RouteCase[] = [
  { route: "GET /api/v1/agreement", expect: everyRole(200) },
  {
    route: "PUT /api/v1/agreement",
    prepare: async () => ({ body: { rules: { maxAttendees: 10 }, changeSummary: "Smaller meetings" } }),
    expect: onlyRoles(200, ["admin", "hr"], 403),
    badInput: { wrongType: { field: "rules.maxAttendees", value: "ten" }, oversized: "changeSummary" },
  },
  { route: "GET /api/v1/agreement/versions", expect: everyRole(200) },
  {
    route: "GET /api/v1/agreement/versions/:n",
    prepare: async () => ({ url: "/api/v1/agreement/versions/1" }),
    expect: everyRole(200),
  },
  {
    route: "PUT /api/v1/teams/:id/agreement",
    prepare: async (ctx) => {
      const team = await createTeam(ctx.env.deps, actorOf(ctx.org.admin), "Agreement team");
      return {
        url: `/api/v1/teams/${team.id}/agreement`,
        body: { rules: { maxAttendees: 6 }, changeSummary: "Tighter" },
      };
    },
    // Team leads (tested in agreement.test.ts) and admins; hr edits teams but not their agreement.
    expect: onlyRoles(200, ["admin"]),
    badInput: { wrongType: { field: "rules.maxAttendees", value: "six" }, oversized: "changeSummary" },
  },
  {
    route: "POST /api/v1/agreement/acknowledgements",
    prepare: async (ctx) => ({ body: { version: await currentVersion(ctx) } }),
    expect: everyRole(201),
    badInput: { wrongType: { field: "version", value: "one" } },
  },
  { route: "GET /api/v1/agreement/compliance", expect: onlyRoles(200, ["admin", "hr"], 403) },
  {
    route: "POST /api/v1/agreement/compliance/remind",
    prepare: async () => ({ body: { urgent: false } }),
    expect: onlyRoles(200, ["admin", "hr"], 403),
    badInput: { wrongType: { field: "urgent", value: "yes" } },
  },
  { route: "GET /api/v1/me/agreement", expect: everyRole(200) },
  {
    route: "POST /api/v1/advice",
    prepare: async (ctx) => ({
      body: { purpose: "discuss", participantIds: [ctx.org.member.person.id, ctx.org.manager.person.id] },
    }),
    expect: everyRole(200, 404),
    badInput: { wrongType: { field: "purpose", value: 5 }, oversized: "at" },
  },
];
