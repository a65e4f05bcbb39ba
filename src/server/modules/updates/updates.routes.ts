import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  createUpdateBody,
  oneUpdate,
  patchUpdateBody,
  replyByPreview,
  replyByPreviewBody,
  updateList,
  updateListQuery,
  updateParams,
} from "../../../contracts/updates";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { noContent, replies } from "../../platform/http/replies";
import { createUpdate, previewReplyBy } from "./create.service";
import { deleteUpdate, getUpdate, listUpdates, markSeen, patchUpdate } from "./updates.service";

/** POST/GET /updates, GET/PATCH/DELETE /updates/:id, POST /updates/:id/seen, POST /updates/reply-by. */
export function updateRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["updates"];
  r.post(
    "/api/v1/updates",
    { schema: { tags, body: createUpdateBody, response: replies({ 201: oneUpdate }) } },
    async (request, reply) =>
      reply.status(201).send({ update: await createUpdate(deps, requireActor(request), request.body) }),
  );
  r.post(
    "/api/v1/updates/reply-by",
    { schema: { tags, body: replyByPreviewBody, response: replies({ 200: replyByPreview }) } },
    async (request) => previewReplyBy(deps, requireActor(request), request.body),
  );
  r.get(
    "/api/v1/updates",
    { schema: { tags, querystring: updateListQuery, response: replies({ 200: updateList }) } },
    async (request) => listUpdates(deps, requireActor(request), request.query),
  );
  r.get(
    "/api/v1/updates/:id",
    { schema: { tags, params: updateParams, response: replies({ 200: oneUpdate }) } },
    async (request) => ({ update: await getUpdate(deps, requireActor(request), request.params.id) }),
  );
  r.patch(
    "/api/v1/updates/:id",
    { schema: { tags, params: updateParams, body: patchUpdateBody, response: replies({ 200: oneUpdate }) } },
    async (request) => ({
      update: await patchUpdate(deps, requireActor(request), request.params.id, request.body),
    }),
  );
  r.delete(
    "/api/v1/updates/:id",
    { schema: { tags, params: updateParams, response: replies({ 204: noContent }) } },
    async (request, reply) => {
      await deleteUpdate(deps, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
  r.post(
    "/api/v1/updates/:id/seen",
    { schema: { tags, params: updateParams, response: replies({ 204: noContent }) } },
    async (request, reply) => {
      await markSeen(deps, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
