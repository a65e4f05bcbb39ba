import { buildMeeting } from "../support/build";
import type { MatrixContext, RouteCase, Who } from "../support/matrix";
import { everyRole } from "../support/matrix";

/**
 * A meeting the member organises and the manager attends (an incident, so the many the matrix makes
 * never meet the agreement's budgets): everyone else — owner, admin and HR included — gets 404.
 */
const meetingOf = async ({ env, org }: MatrixContext) =>
  (await buildMeeting(env, { org, organiser: org.member, attendees: [org.manager], kind: "incident" }))
    .meeting.id;

const only = (organiser: number, attendee: number): Record<Who, number> => ({
  owner: 404,
  admin: 404,
  hr: 404,
  manager: attendee,
  member: organiser,
  foreign: 404,
  anonymous: 401,
});

export const cases: RouteCase[] = [
  {
    route: "POST /api/v1/meetings",
    prepare: async (ctx) => ({
      body: {
        title: "Matrix meeting",
        kind: "incident",
        start: "2026-12-08T10:00:00Z",
        durationMinutes: 30,
        attendees: [{ personId: ctx.org.member.person.id }],
      },
    }),
    // The foreign caller names a person of another organisation: 400 naming the attendee.
    expect: everyRole(201, 400),
    badInput: { wrongType: { field: "durationMinutes", value: "long" }, oversized: "title" },
  },
  { route: "GET /api/v1/meetings", expect: everyRole(200) },
  {
    route: "GET /api/v1/meetings/:id",
    prepare: async (ctx) => ({ url: `/api/v1/meetings/${await meetingOf(ctx)}` }),
    expect: only(200, 200),
  },
  {
    route: "PATCH /api/v1/meetings/:id",
    prepare: async (ctx) => ({ url: `/api/v1/meetings/${await meetingOf(ctx)}`, body: { title: "Renamed" } }),
    expect: only(200, 403),
    badInput: { wrongType: { field: "title", value: 1 }, oversized: "title" },
  },
  {
    route: "DELETE /api/v1/meetings/:id",
    prepare: async (ctx) => ({ url: `/api/v1/meetings/${await meetingOf(ctx)}` }),
    expect: only(204, 403),
  },
  {
    route: "PUT /api/v1/meetings/:id/rsvp",
    prepare: async (ctx) => ({
      url: `/api/v1/meetings/${await meetingOf(ctx)}/rsvp`,
      body: { response: "follow_async" },
    }),
    expect: only(200, 200),
    badInput: { wrongType: { field: "response", value: 3 } },
  },
  {
    route: "GET /api/v1/people/:id/meeting-load",
    // The member's own load: nobody else (no lead here), HR and admins included.
    prepare: async ({ org }) => ({ url: `/api/v1/people/${org.member.person.id}/meeting-load` }),
    expect: only(200, 404),
  },
];
