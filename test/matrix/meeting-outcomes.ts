import { addActionItem } from "../../src/server/modules/meetings/outcomes.service";
import { buildMeeting, buildUpdate } from "../support/build";
import { actorOf } from "../support/factories";
import type { MatrixContext, RouteCase, Who } from "../support/matrix";
import { everyRole } from "../support/matrix";

/**
 * A meeting of the caller's organisation that the member organises and the manager attends
 * (`start`: tomorrow unless given): everyone else, owner, admin and HR included, is answered 404.
 */
const meetingOf = async (ctx: MatrixContext, start?: string) =>
  (await buildMeeting(ctx.env, { org: ctx.org, ...(start ? { start } : {}) })).meeting;

/** The meeting's organiser (the member) and attendee (the manager) get theirs, anyone else 404, nobody signed in 401. */
const itsPeople = (organiser: number, manager = organiser): Record<Who, number> => ({
  owner: 404,
  admin: 404,
  hr: 404,
  manager,
  member: organiser,
  foreign: 404,
  anonymous: 401,
});

/**
 * A proposal by the member to the manager, who must answer it: they may contribute to it; everyone
 * else, owner, admin and HR included, is answered 404.
 */
const threadOf = async (ctx: MatrixContext) =>
  (
    await buildUpdate(ctx.env, {
      org: ctx.org,
      kind: "proposal",
      title: "Move the stand-up",
      audience: { personIds: [ctx.org.manager.person.id] },
      responders: [ctx.org.manager],
    })
  ).update;

const yesterday = () => new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString();

export const cases: RouteCase[] = [
  {
    route: "POST /api/v1/meetings/:id/decisions",
    prepare: async (ctx) => ({
      url: `/api/v1/meetings/${(await meetingOf(ctx)).id}/decisions`,
      body: { text: "Go" },
    }),
    expect: itsPeople(201),
    badInput: { wrongType: { field: "text", value: 5 }, oversized: "text" },
  },
  {
    route: "POST /api/v1/meetings/:id/action-items",
    prepare: async (ctx) => ({
      url: `/api/v1/meetings/${(await meetingOf(ctx)).id}/action-items`,
      body: { text: "Write it up", ownerId: ctx.org.member.person.id },
    }),
    expect: itsPeople(201),
    badInput: { wrongType: { field: "ownerId", value: 5 }, oversized: "text" },
  },
  {
    route: "PATCH /api/v1/action-items/:id",
    prepare: async (ctx) => {
      const item = await addActionItem(ctx.env.deps, actorOf(ctx.org.member), (await meetingOf(ctx)).id, {
        text: "Write it up",
        ownerId: ctx.org.manager.person.id,
      });
      return { url: `/api/v1/action-items/${item.id}`, body: { status: "done" } };
    },
    expect: itsPeople(200),
    badInput: { wrongType: { field: "status", value: 3 }, oversized: "text" },
  },
  { route: "GET /api/v1/action-items", expect: everyRole(200) },
  {
    route: "POST /api/v1/meetings/:id/complete",
    prepare: async (ctx) => ({ url: `/api/v1/meetings/${(await meetingOf(ctx)).id}/complete` }),
    // Only the organiser completes; an attendee may see the meeting but not complete it.
    expect: itsPeople(200, 403),
  },
  {
    route: "POST /api/v1/updates/:id/escalation",
    // No start: the meeting goes in the best slot of the two (London hours, the next 7 days).
    prepare: async (ctx) => ({
      url: `/api/v1/updates/${(await threadOf(ctx)).id}/escalation`,
      body: { durationMinutes: 20 },
    }),
    expect: itsPeople(201),
    badInput: { wrongType: { field: "durationMinutes", value: "twenty" }, oversized: "start" },
  },
  {
    route: "POST /api/v1/updates/:id/action-items",
    prepare: async (ctx) => ({
      url: `/api/v1/updates/${(await threadOf(ctx)).id}/action-items`,
      body: { text: "Write it up", ownerId: ctx.org.manager.person.id },
    }),
    expect: itsPeople(201),
    badInput: { wrongType: { field: "ownerId", value: 5 }, oversized: "text" },
  },
  {
    route: "POST /api/v1/meetings/:id/rating",
    prepare: async (ctx) => ({
      url: `/api/v1/meetings/${(await meetingOf(ctx, yesterday())).id}/rating`,
      body: { worthIt: 4, couldBeAsync: false },
    }),
    expect: itsPeople(201),
    badInput: { wrongType: { field: "worthIt", value: "four" } },
  },
];
