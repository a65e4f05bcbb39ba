import { buildRecording, buildUpdate } from "../support/build";
import type { MatrixContext, RouteCase, Who } from "../support/matrix";
import { everyRole } from "../support/matrix";

/**
 * An update the member writes to the manager (named): a conversation, so everyone else — owner,
 * admin and HR included — gets 404; admins may still delete it (moderation).
 */
const updateOf = async ({ env, org }: MatrixContext) =>
  (await buildUpdate(env, { org, author: org.member, audience: { personIds: [org.manager.person.id] } }))
    .update.id;

const only = (author: number, recipient: number, admins = 404): Record<Who, number> => ({
  owner: admins,
  admin: admins,
  hr: 404,
  manager: recipient,
  member: author,
  foreign: 404,
  anonymous: 401,
});

export const cases: RouteCase[] = [
  {
    route: "POST /api/v1/updates",
    prepare: async ({ org }) => ({
      body: {
        kind: "status",
        title: "Matrix update",
        body: "Shipped.",
        audience: { personIds: [org.member.person.id] },
      },
    }),
    // The foreign caller names a person of another organisation: 400 naming the audience.
    expect: everyRole(201, 400),
    badInput: { wrongType: { field: "title", value: 1 }, oversized: "title" },
  },
  {
    // A video: each caller posts a ready recording of their own (the foreign caller's audience is
    // another organisation's person: 400, as above).
    route: "POST /api/v1/updates",
    prepare: async ({ env, org, foreign, who }) => {
      const owner = who === "foreign" ? foreign.member : org[who === "anonymous" ? "member" : who];
      const { recording } = await buildRecording(env, { org: who === "foreign" ? foreign : org, owner });
      return {
        body: {
          kind: "video",
          title: "Matrix walkthrough",
          audience: { personIds: [org.member.person.id] },
          recordingId: recording.id,
        },
      };
    },
    expect: everyRole(201, 400),
    badInput: { wrongType: { field: "recordingId", value: 7 }, oversized: "title" },
  },
  {
    route: "POST /api/v1/updates/reply-by",
    prepare: async ({ org }) => ({ body: { requiredResponderIds: [org.member.person.id] } }),
    expect: everyRole(200, 400),
    badInput: { wrongType: { field: "urgency", value: 3 } },
  },
  { route: "GET /api/v1/updates", expect: everyRole(200) },
  {
    route: "GET /api/v1/updates/:id",
    prepare: async (ctx) => ({ url: `/api/v1/updates/${await updateOf(ctx)}` }),
    expect: only(200, 200),
  },
  {
    route: "PATCH /api/v1/updates/:id",
    prepare: async (ctx) => ({ url: `/api/v1/updates/${await updateOf(ctx)}`, body: { body: "Edited" } }),
    expect: only(200, 403),
    badInput: { wrongType: { field: "title", value: 1 }, oversized: "title" },
  },
  {
    route: "DELETE /api/v1/updates/:id",
    prepare: async (ctx) => ({ url: `/api/v1/updates/${await updateOf(ctx)}` }),
    expect: only(204, 403, 204),
  },
  {
    route: "POST /api/v1/updates/:id/seen",
    prepare: async (ctx) => ({ url: `/api/v1/updates/${await updateOf(ctx)}/seen` }),
    expect: only(204, 204),
  },
];
