import { buildRotation, buildTeam } from "../support/build";
import type { MatrixContext, RouteCase } from "../support/matrix";
import { everyRole } from "../support/matrix";

/** Two people of the organisation: the foreign caller names people it cannot see (404). */
const attendees = (ctx: MatrixContext) => [
  { personId: ctx.org.member.person.id },
  { personId: ctx.org.manager.person.id },
];

export const cases: RouteCase[] = [
  {
    route: "POST /api/v1/scheduling/slots",
    prepare: async (ctx) => ({
      body: {
        attendees: attendees(ctx),
        durationMinutes: 30,
        from: "2026-12-07T00:00:00Z",
        to: "2026-12-14T00:00:00Z",
      },
    }),
    expect: everyRole(200, 404),
    badInput: { wrongType: { field: "attendees.0.required", value: "yes" }, oversized: "from" },
  },
  {
    route: "POST /api/v1/scheduling/rotation",
    prepare: async (ctx) => ({
      body: {
        name: "Matrix rotation",
        attendees: attendees(ctx),
        durationMinutes: 30,
        occurrences: 2,
        cadence: "weekly",
        from: "2026-12-07T00:00:00Z",
        save: true,
      },
    }),
    expect: everyRole(201, 404),
    badInput: { wrongType: { field: "occurrences", value: "two" }, oversized: "name" },
  },
  { route: "GET /api/v1/scheduling/rotations", expect: everyRole(200) },
  {
    route: "DELETE /api/v1/scheduling/rotations/:id",
    // Saved by the manager: its creator and admins may delete it.
    prepare: async ({ env, org }) => {
      const { rotation } = await buildRotation(env, {
        org,
        by: org.manager,
        attendees: [org.member, org.manager],
      });
      return { url: `/api/v1/scheduling/rotations/${rotation.id}` };
    },
    expect: { owner: 204, admin: 204, hr: 403, manager: 204, member: 403, foreign: 404, anonymous: 401 },
  },
  {
    route: "GET /api/v1/scheduling/ledger",
    prepare: async ({ env, org }) => {
      const { team } = await buildTeam(env, { org, name: "Ledger team" });
      return { url: `/api/v1/scheduling/ledger?teamId=${team.id}` };
    },
    expect: everyRole(200, 404),
  },
];
