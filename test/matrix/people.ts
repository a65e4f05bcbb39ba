import { addAbsence, addZoneChange } from "../../src/server/modules/people/time-off.service";
import { actorOf } from "../support/factories";
import type { MatrixContext, RouteCase, Who } from "../support/matrix";
import { everyRole, onlyRoles } from "../support/matrix";

/** Editing a person: the person themself, admin, hr. The target is a fresh person, so no caller edits itself. */
const editors = (ok: number): Record<Who, number> => onlyRoles(ok, ["admin", "hr"]);

const freshTarget = async ({ org }: MatrixContext) => (await org.add("member")).person.id;
const person = (ctx: MatrixContext) => `/api/v1/people/${ctx.org.member.person.id}`;

export const cases: RouteCase[] = [
  {
    route: "GET /api/v1/people",
    prepare: async () => ({ url: "/api/v1/people?q=a" }),
    expect: everyRole(200),
  },
  {
    route: "GET /api/v1/people/:id",
    prepare: async (ctx) => ({ url: person(ctx) }),
    expect: everyRole(200, 404),
  },
  {
    route: "PATCH /api/v1/people/:id",
    prepare: async (ctx) => ({
      url: `/api/v1/people/${await freshTarget(ctx)}`,
      body: { name: "Renamed Person" },
    }),
    expect: editors(200),
    badInput: { wrongType: { field: "name", value: 5 }, oversized: "name" },
  },
  {
    route: "PUT /api/v1/people/:id/working-pattern",
    prepare: async (ctx) => ({
      url: `/api/v1/people/${await freshTarget(ctx)}/working-pattern`,
      body: { timeZone: "Asia/Kolkata", week: { mon: [{ start: "09:00", end: "17:30" }] } },
    }),
    expect: editors(200),
    badInput: { wrongType: { field: "week.mon", value: "9 to 5" }, oversized: "timeZone" },
  },
  {
    route: "GET /api/v1/people/:id/working-time",
    prepare: async (ctx) => ({
      url: `${person(ctx)}/working-time?from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z`,
    }),
    expect: everyRole(200, 404),
  },
  {
    route: "GET /api/v1/people/:id/absences",
    prepare: async (ctx) => ({ url: `${person(ctx)}/absences` }),
    expect: everyRole(200, 404),
  },
  {
    route: "POST /api/v1/people/:id/absences",
    prepare: async (ctx) => ({
      url: `/api/v1/people/${await freshTarget(ctx)}/absences`,
      body: { start: "2026-12-21", end: "2026-12-24", kind: "vacation", reason: "Family" },
    }),
    expect: editors(201),
    badInput: { wrongType: { field: "kind", value: 5 }, oversized: "reason" },
  },
  {
    route: "DELETE /api/v1/people/:id/absences/:absenceId",
    prepare: async (ctx) => {
      const target = await ctx.org.add("member");
      const absence = await addAbsence(ctx.env.deps, actorOf(ctx.org.admin), target.person.id, {
        start: "2026-12-21",
        end: "2026-12-22",
      });
      return { url: `/api/v1/people/${target.person.id}/absences/${absence.id}` };
    },
    expect: editors(204),
  },
  {
    route: "GET /api/v1/people/:id/zone-changes",
    prepare: async (ctx) => ({ url: `${person(ctx)}/zone-changes` }),
    expect: everyRole(200, 404),
  },
  {
    route: "POST /api/v1/people/:id/zone-changes",
    prepare: async (ctx) => ({
      url: `/api/v1/people/${await freshTarget(ctx)}/zone-changes`,
      body: { from: "2026-12-01", timeZone: "America/New_York" },
    }),
    expect: editors(201),
    badInput: { wrongType: { field: "from", value: 20261201 }, oversized: "timeZone" },
  },
  {
    route: "DELETE /api/v1/people/:id/zone-changes/:zoneChangeId",
    prepare: async (ctx) => {
      const target = await ctx.org.add("member");
      const change = await addZoneChange(ctx.env.deps, actorOf(ctx.org.admin), target.person.id, {
        from: "2026-12-01",
        timeZone: "Pacific/Chatham",
      });
      return { url: `/api/v1/people/${target.person.id}/zone-changes/${change.id}` };
    },
    expect: editors(204),
  },
];
