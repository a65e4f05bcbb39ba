import { buildDocument } from "../support/build";
import type { MatrixContext, RouteCase, Who } from "../support/matrix";
import { everyRole } from "../support/matrix";

/**
 * A document the member shares with the manager (named): everyone else — owner, admin and HR
 * included — gets 404 on it; admins may still delete it (moderation), the manager may not.
 */
const documentOf = async ({ env, org }: MatrixContext) =>
  (await buildDocument(env, { org, owner: org.member, body: "Matrix text", readers: [org.manager] })).document
    .id;

const only = (owner: number, reader: number, admins = 404): Record<Who, number> => ({
  owner: admins,
  admin: admins,
  hr: 404,
  manager: reader,
  member: owner,
  foreign: 404,
  anonymous: 401,
});

const on =
  (path = "", body?: unknown) =>
  async (ctx: MatrixContext) => ({
    url: `/api/v1/documents/${await documentOf(ctx)}${path}`,
    ...(body === undefined ? {} : { body }),
  });

export const cases: RouteCase[] = [
  {
    route: "POST /api/v1/documents",
    prepare: async () => ({
      body: { title: "Matrix document", body: "Text", audience: { organisation: true }, tags: ["matrix"] },
    }),
    expect: everyRole(201),
    badInput: { wrongType: { field: "title", value: 1 }, oversized: "body" },
  },
  { route: "GET /api/v1/documents", expect: everyRole(200) },
  { route: "GET /api/v1/documents/tags", expect: everyRole(200) },
  { route: "GET /api/v1/documents/:id", prepare: on(), expect: only(200, 200) },
  {
    route: "PUT /api/v1/documents/:id",
    prepare: on("", { baseVersion: 1, body: "Edited in the matrix", summary: "Matrix" }),
    expect: only(200, 200),
    badInput: { wrongType: { field: "body", value: 1 }, oversized: "body" },
  },
  { route: "DELETE /api/v1/documents/:id", prepare: on(), expect: only(204, 403, 204) },
  { route: "GET /api/v1/documents/:id/versions", prepare: on("/versions"), expect: only(200, 200) },
  {
    route: "GET /api/v1/documents/:id/versions/:version",
    prepare: on("/versions/1"),
    expect: only(200, 200),
  },
  { route: "GET /api/v1/documents/:id/diff", prepare: on("/diff?from=1&to=1"), expect: only(200, 200) },
  {
    route: "PUT /api/v1/documents/:id/draft",
    prepare: on("/draft", { title: "Draft", body: "Half-typed", baseVersion: 1 }),
    expect: only(200, 200),
    badInput: { wrongType: { field: "baseVersion", value: "one" }, oversized: "title" },
  },
  { route: "DELETE /api/v1/documents/:id/draft", prepare: on("/draft"), expect: only(204, 204) },
];
