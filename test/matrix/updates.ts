import { buildThread } from "../../src/server/modules/updates/thread.fixtures";
import { buildRecording, buildUpdate } from "../support/build";
import type { MatrixContext, RouteCase, Who } from "../support/matrix";
import { everyRole } from "../support/matrix";

/**
 * A proposal the member writes to the manager (named): everyone else — owner, admin and HR
 * included — gets 404 on its thread.
 */
const threadOf = async ({ env, org }: MatrixContext) =>
  (await buildThread(env, org, { author: org.member, people: [org.manager] })).id;

const only = (author: number, recipient: number): Record<Who, number> => ({
  owner: 404,
  admin: 404,
  hr: 404,
  manager: recipient,
  member: author,
  foreign: 404,
  anonymous: 401,
});

const on = (path: string, body?: unknown) => async (ctx: MatrixContext) => ({
  url: `/api/v1/updates/${await threadOf(ctx)}/${path}`,
  ...(body === undefined ? {} : { body }),
});

export const cases: RouteCase[] = [
  {
    route: "POST /api/v1/updates/:id/comments",
    prepare: on("comments", { body: "Matrix comment" }),
    expect: only(201, 201),
    badInput: { wrongType: { field: "body", value: 1 }, oversized: "body" },
  },
  {
    // A timed comment on the member's video to the manager.
    route: "POST /api/v1/updates/:id/comments",
    prepare: async ({ env, org }) => {
      const { recording } = await buildRecording(env, { org });
      const { update } = await buildUpdate(env, {
        org,
        kind: "video",
        title: "Matrix video",
        audience: { personIds: [org.manager.person.id] },
        recordingId: recording.id,
      });
      return { url: `/api/v1/updates/${update.id}/comments`, body: { body: "At two seconds", atMs: 2000 } };
    },
    expect: only(201, 201),
    badInput: { wrongType: { field: "atMs", value: "soon" } },
  },
  {
    route: "POST /api/v1/updates/:id/reactions",
    prepare: on("reactions", { emoji: "👍" }),
    expect: only(200, 200),
    badInput: { wrongType: { field: "emoji", value: 3 } },
  },
  {
    route: "POST /api/v1/updates/:id/acknowledgements",
    prepare: on("acknowledgements"),
    expect: only(200, 200),
  },
  {
    route: "POST /api/v1/updates/:id/responses",
    prepare: on("responses", { stance: "agree" }),
    expect: only(200, 200),
    badInput: { wrongType: { field: "stance", value: 1 }, oversized: "comment" },
  },
  {
    route: "POST /api/v1/updates/:id/decision",
    // The author decides; a recipient who leads no team of it may not.
    prepare: on("decision", { text: "Matrix decision" }),
    expect: only(201, 403),
    badInput: { wrongType: { field: "text", value: 1 }, oversized: "text" },
  },
  { route: "GET /api/v1/decisions", expect: everyRole(200) },
];
