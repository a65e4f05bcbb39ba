import { randomUUID } from "node:crypto";
import { addAgendaItem } from "../../src/server/modules/meetings/agenda.service";
import { buildMeeting } from "../support/build";
import { actorOf } from "../support/factories";
import type { MatrixContext, RouteCase, Who } from "../support/matrix";
import { everyRole, onlyRoles } from "../support/matrix";

/** A meeting the member organises and the manager attends; anyone else, owner, admin and HR included, gets 404. */
const meetingId = async (ctx: MatrixContext) => (await buildMeeting(ctx.env, { org: ctx.org })).meeting.id;

/** A meeting with one agenda item: the item's id and its meeting's. */
async function withItem(ctx: MatrixContext) {
  const id = await meetingId(ctx);
  const { item } = await addAgendaItem(ctx.env.deps, actorOf(ctx.org.member), id, {
    title: "Budget",
    outcome: "decide",
  });
  return { meetingId: id, itemId: item.id };
}

const itsPeople = (ok: number): Record<Who, number> => ({
  owner: 404,
  admin: 404,
  hr: 404,
  manager: ok,
  member: ok,
  foreign: 404,
  anonymous: 401,
});

export const cases: RouteCase[] = [
  {
    route: "POST /api/v1/meetings/:id/agenda-items",
    prepare: async (ctx) => ({
      url: `/api/v1/meetings/${await meetingId(ctx)}/agenda-items`,
      body: { title: "Budget", outcome: "decide", minutes: 10 },
    }),
    expect: itsPeople(201),
    badInput: { wrongType: { field: "title", value: 5 }, oversized: "title" },
  },
  {
    route: "PATCH /api/v1/agenda-items/:id",
    prepare: async (ctx) => ({
      url: `/api/v1/agenda-items/${(await withItem(ctx)).itemId}`,
      body: { status: "covered", notes: "Agreed" },
    }),
    expect: itsPeople(200),
    badInput: { wrongType: { field: "status", value: 3 }, oversized: "notes" },
  },
  {
    route: "DELETE /api/v1/agenda-items/:id",
    prepare: async (ctx) => ({ url: `/api/v1/agenda-items/${(await withItem(ctx)).itemId}` }),
    expect: itsPeople(204),
  },
  {
    route: "PUT /api/v1/meetings/:id/agenda-order",
    prepare: async (ctx) => {
      const { meetingId: id, itemId } = await withItem(ctx);
      return { url: `/api/v1/meetings/${id}/agenda-order`, body: { itemIds: [itemId] } };
    },
    expect: itsPeople(200),
    badInput: { wrongType: { field: "itemIds", value: "all" }, oversized: "itemIds.0" },
  },
  {
    route: "PUT /api/v1/meetings/:id/notes",
    prepare: async (ctx) => ({
      url: `/api/v1/meetings/${await meetingId(ctx)}/notes`,
      body: { body: "We agreed", baseVersion: 0 },
    }),
    expect: itsPeople(200),
    badInput: { wrongType: { field: "baseVersion", value: "0" }, oversized: "body" },
  },
  {
    route: "GET /api/v1/meetings/:id/private-notes",
    prepare: async (ctx) => ({ url: `/api/v1/meetings/${await meetingId(ctx)}/private-notes` }),
    expect: itsPeople(200),
  },
  {
    route: "PUT /api/v1/meetings/:id/private-notes",
    prepare: async (ctx) => ({
      url: `/api/v1/meetings/${await meetingId(ctx)}/private-notes`,
      body: { body: "Only mine" },
    }),
    expect: itsPeople(200),
    badInput: { wrongType: { field: "body", value: 5 }, oversized: "body" },
  },
  { route: "GET /api/v1/meeting-templates", expect: everyRole(200) },
  {
    route: "POST /api/v1/meeting-templates",
    // A fresh name each time; nobody in the matrix organisation leads a team, so admins only.
    prepare: async () => ({
      body: {
        name: `Template ${randomUUID().slice(0, 8)}`,
        agenda: [{ title: "Numbers", outcome: "discuss" }],
      },
    }),
    expect: onlyRoles(201, ["admin"], 403),
    badInput: { wrongType: { field: "agenda.0.outcome", value: 3 }, oversized: "name" },
  },
];
