import { createCalendar } from "../../src/server/modules/calendars/calendars.service";
import { actorOf } from "../support/factories";
import type { MatrixContext, RouteCase, Who } from "../support/matrix";
import { everyRole, onlyRoles } from "../support/matrix";

export const SMALL_ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "BEGIN:VEVENT",
  "UID:matrix@test",
  `DTSTART:${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10).replace(/-/g, "")}T090000Z`,
  "DURATION:PT1H",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

/** A person's calendars: the person themself and admins. The target is a fresh person, so no caller is it. */
const managers = (ok: number): Record<Who, number> => onlyRoles(ok, ["admin"]);
/** Focus blocks are edited like the working pattern: the person, admins and hr. */
const editors = (ok: number): Record<Who, number> => onlyRoles(ok, ["admin", "hr"]);

const freshTarget = async ({ org }: MatrixContext) => (await org.add("member")).person.id;
const person = (ctx: MatrixContext) => `/api/v1/people/${ctx.org.member.person.id}`;

async function freshCalendar(ctx: MatrixContext) {
  const target = await freshTarget(ctx);
  const calendar = await createCalendar(ctx.env.deps, actorOf(ctx.org.admin), target, {
    name: "Work",
    ics: SMALL_ICS,
  });
  return `/api/v1/people/${target}/calendars/${calendar.id}`;
}

/** A subscribed calendar of a fresh person (its first refresh is refused: a loopback address). */
async function freshSubscription(ctx: MatrixContext) {
  const target = await freshTarget(ctx);
  const calendar = await createCalendar(ctx.env.deps, actorOf(ctx.org.admin), target, {
    name: "Team",
    url: "http://127.0.0.1:9/team.ics",
  });
  return `/api/v1/people/${target}/calendars/${calendar.id}`;
}

export const cases: RouteCase[] = [
  {
    route: "GET /api/v1/people/:id/calendars",
    prepare: async (ctx) => ({ url: `/api/v1/people/${await freshTarget(ctx)}/calendars` }),
    expect: managers(200),
  },
  {
    route: "POST /api/v1/people/:id/calendars",
    prepare: async (ctx) => ({
      url: `/api/v1/people/${await freshTarget(ctx)}/calendars`,
      body: { name: "Work", ics: SMALL_ICS },
    }),
    expect: managers(201),
    badInput: { wrongType: { field: "name", value: 5 }, oversized: "name" },
  },
  {
    route: "PUT /api/v1/people/:id/calendars/:calendarId",
    prepare: async (ctx) => ({ url: await freshCalendar(ctx), body: { ics: SMALL_ICS } }),
    expect: managers(200),
    // 200,000 characters of "x" are not a calendar: 400 naming `ics` (ICS_MAX_BYTES is larger).
    badInput: { wrongType: { field: "ics", value: 5 }, oversized: "ics" },
  },
  {
    route: "POST /api/v1/people/:id/calendars/file",
    prepare: async (ctx) => ({
      url: `/api/v1/people/${await freshTarget(ctx)}/calendars/file?name=Work`,
      payload: SMALL_ICS,
      contentType: "text/calendar",
    }),
    expect: managers(201),
  },
  {
    route: "PUT /api/v1/people/:id/calendars/:calendarId/file",
    prepare: async (ctx) => ({
      url: `${await freshCalendar(ctx)}/file`,
      payload: SMALL_ICS,
      contentType: "text/calendar",
    }),
    expect: managers(200),
  },
  {
    route: "POST /api/v1/people/:id/calendars/:calendarId/refresh",
    prepare: async (ctx) => ({ url: `${await freshSubscription(ctx)}/refresh` }),
    expect: managers(200),
  },
  {
    route: "DELETE /api/v1/people/:id/calendars/:calendarId",
    prepare: async (ctx) => ({ url: await freshCalendar(ctx) }),
    expect: managers(204),
  },
  {
    route: "GET /api/v1/people/:id/focus-blocks",
    prepare: async (ctx) => ({ url: `${person(ctx)}/focus-blocks` }),
    expect: everyRole(200, 404),
  },
  {
    route: "PUT /api/v1/people/:id/focus-blocks",
    prepare: async (ctx) => ({
      url: `/api/v1/people/${await freshTarget(ctx)}/focus-blocks`,
      body: { week: { tue: [{ start: "09:00", end: "11:00" }] } },
    }),
    expect: editors(200),
    badInput: { wrongType: { field: "week.tue", value: "mornings" }, oversized: "week.tue.0.start" },
  },
  {
    route: "GET /api/v1/people/:id/busy",
    prepare: async (ctx) => ({
      url: `${person(ctx)}/busy?from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z`,
    }),
    expect: everyRole(200, 404),
  },
  {
    route: "GET /api/v1/people/:id/calendar-busy",
    prepare: async (ctx) => ({
      url: `/api/v1/people/${await freshTarget(ctx)}/calendar-busy?from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z`,
    }),
    expect: managers(200),
  },
  { route: "POST /api/v1/me/calendar-feed", expect: everyRole(200) },
  { route: "POST /api/v1/me/calendar-feed/rotate", expect: everyRole(200) },
];
