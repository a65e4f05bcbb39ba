import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  checkinParams,
  checkinView,
  createCheckinBody,
  previewBody,
  previewView,
  templateView,
  updateCheckinBody,
} from "../../../contracts/checkins";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { noContent, replies } from "../../platform/http/replies";
import {
  createCheckin,
  deleteCheckin,
  getCheckin,
  listCheckins,
  listTemplates,
  updateCheckin,
} from "./checkins.service";
import { previewCheckin } from "./preview.service";

const oneCheckin = z.object({ checkin: checkinView });
const checkinList = z.object({ checkins: z.array(checkinView) });
const templateList = z.object({ templates: z.array(templateView) });

/** Rituals: create (from a template), list, read, change, delete; templates; the schedule preview. */
export function checkinRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["checkins"];
  r.post(
    "/api/v1/checkins",
    { schema: { tags, body: createCheckinBody, response: replies({ 201: oneCheckin }) } },
    async (request, reply) =>
      reply.status(201).send({ checkin: await createCheckin(deps, requireActor(request), request.body) }),
  );
  r.get("/api/v1/checkins", { schema: { tags, response: replies({ 200: checkinList }) } }, async (request) =>
    listCheckins(deps, requireActor(request)),
  );
  r.get(
    "/api/v1/checkins/templates",
    { schema: { tags, response: replies({ 200: templateList }) } },
    async (request) => {
      requireActor(request);
      return listTemplates();
    },
  );
  r.post(
    "/api/v1/checkins/preview",
    { schema: { tags, body: previewBody, response: replies({ 200: previewView }) } },
    async (request) => previewCheckin(deps, requireActor(request), request.body),
  );
  r.get(
    "/api/v1/checkins/:id",
    { schema: { tags, params: checkinParams, response: replies({ 200: oneCheckin }) } },
    async (request) => ({ checkin: await getCheckin(deps, requireActor(request), request.params.id) }),
  );
  r.patch(
    "/api/v1/checkins/:id",
    {
      schema: {
        tags,
        params: checkinParams,
        body: updateCheckinBody,
        response: replies({ 200: oneCheckin }),
      },
    },
    async (request) => ({
      checkin: await updateCheckin(deps, requireActor(request), request.params.id, request.body),
    }),
  );
  r.delete(
    "/api/v1/checkins/:id",
    { schema: { tags, params: checkinParams, response: replies({ 204: noContent }) } },
    async (request, reply) => {
      await deleteCheckin(deps, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
