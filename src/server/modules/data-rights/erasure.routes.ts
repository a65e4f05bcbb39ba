import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { currentErasureReply, erasureBody, erasureParams, erasureReply } from "../../../contracts/erasure";
import { personParams } from "../../../contracts/people";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import {
  cancelErasure,
  organisationErasure,
  personErasure,
  requestOrganisationErasure,
  requestPersonErasure,
} from "./erasure.service";

/** Erasure (issue 17, GDPR art. 17): of a person's data, or of the organisation, after a 30-day grace period. */
export function registerErasureRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["data rights"];
  const accepted = replies({ 202: erasureReply });
  const current = replies({ 200: currentErasureReply });

  r.post(
    "/api/v1/me/erasure",
    { schema: { tags, body: erasureBody, response: accepted } },
    async (request, reply) => {
      const actor = requireActor(request);
      const erasure = await requestPersonErasure(deps, actor, actor.personId, request.body, request.ip);
      return reply.status(202).send({ erasure });
    },
  );
  r.get("/api/v1/me/erasure", { schema: { tags, response: current } }, async (request) => {
    const actor = requireActor(request);
    return { erasure: await personErasure(deps, actor, actor.personId) };
  });
  r.post(
    "/api/v1/people/:id/erasure",
    { schema: { tags, params: personParams, body: erasureBody, response: accepted } },
    async (request, reply) => {
      const actor = requireActor(request);
      const erasure = await requestPersonErasure(deps, actor, request.params.id, request.body, request.ip);
      return reply.status(202).send({ erasure });
    },
  );
  r.get(
    "/api/v1/people/:id/erasure",
    { schema: { tags, params: personParams, response: current } },
    async (request) => ({ erasure: await personErasure(deps, requireActor(request), request.params.id) }),
  );
  r.post(
    "/api/v1/organisation/erasure",
    { schema: { tags, body: erasureBody, response: accepted } },
    async (request, reply) => {
      const erasure = await requestOrganisationErasure(deps, requireActor(request), request.body, request.ip);
      return reply.status(202).send({ erasure });
    },
  );
  r.get("/api/v1/organisation/erasure", { schema: { tags, response: current } }, async (request) => ({
    erasure: await organisationErasure(deps, requireActor(request)),
  }));
  r.delete(
    "/api/v1/erasures/:id",
    { schema: { tags, params: erasureParams, response: replies({ 200: erasureReply }) } },
    async (request) => ({
      erasure: await cancelErasure(deps, requireActor(request), request.params.id, request.ip),
    }),
  );
}
