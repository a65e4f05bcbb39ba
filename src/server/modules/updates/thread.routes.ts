import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  commentBody,
  oneComment,
  oneUpdate,
  oneUpdateDecision,
  reactionBody,
  reactionsAnswer,
  responseBody,
  updateDecisionBody,
  updateParams,
} from "../../../contracts/updates";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { acknowledge, addComment, decide, respond, toggleReaction } from "./thread.service";
import { presentUpdate } from "./updates.present";

/** Comments, reactions, acknowledgements, proposal responses and the decision of a thread. */
export function threadRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["updates"];
  const params = updateParams;

  r.post(
    "/api/v1/updates/:id/comments",
    { schema: { tags, params, body: commentBody, response: replies({ 201: oneComment }) } },
    async (request, reply) => {
      const comment = await addComment(deps, requireActor(request), request.params.id, request.body);
      return reply.status(201).send({ comment });
    },
  );
  r.post(
    "/api/v1/updates/:id/reactions",
    { schema: { tags, params, body: reactionBody, response: replies({ 200: reactionsAnswer }) } },
    async (request) => ({
      reactions: await toggleReaction(deps, requireActor(request), request.params.id, request.body.emoji),
    }),
  );
  r.post(
    "/api/v1/updates/:id/acknowledgements",
    { schema: { tags, params, response: replies({ 200: oneUpdate }) } },
    async (request) => {
      const actor = requireActor(request);
      const access = await acknowledge(deps, actor, request.params.id);
      return { update: await presentUpdate(deps.db, deps, actor, access) };
    },
  );
  r.post(
    "/api/v1/updates/:id/responses",
    { schema: { tags, params, body: responseBody, response: replies({ 200: oneUpdate }) } },
    async (request) => {
      const actor = requireActor(request);
      const access = await respond(deps, actor, request.params.id, request.body);
      return { update: await presentUpdate(deps.db, deps, actor, access) };
    },
  );
  r.post(
    "/api/v1/updates/:id/decision",
    { schema: { tags, params, body: updateDecisionBody, response: replies({ 201: oneUpdateDecision }) } },
    async (request, reply) => {
      const decision = await decide(deps, requireActor(request), request.params.id, request.body);
      return reply.status(201).send({ decision });
    },
  );
}
