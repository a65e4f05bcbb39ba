import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  actionItemBody,
  actionItemList,
  actionItemsQuery,
  decisionBody,
  meetingCompleted,
  meetingParams,
  oneActionItem,
  oneDecision,
  oneRating,
  ratingBody,
  updateActionItemBody,
} from "../../../contracts/meetings";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { completeMeeting } from "./complete.service";
import { presentMeeting } from "./meetings.present";
import { addActionItem, addDecision, listActionItems, updateActionItem } from "./outcomes.service";
import { rateMeeting } from "./rating.service";

/** Decisions, action items, completing with a recap, ratings. */
export function registerOutcomeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["meetings"];
  const params = meetingParams;

  r.post(
    "/api/v1/meetings/:id/decisions",
    { schema: { tags, params, body: decisionBody, response: replies({ 201: oneDecision }) } },
    async (request, reply) => {
      const decision = await addDecision(deps, requireActor(request), request.params.id, request.body);
      return reply.status(201).send({ decision });
    },
  );
  r.post(
    "/api/v1/meetings/:id/action-items",
    { schema: { tags, params, body: actionItemBody, response: replies({ 201: oneActionItem }) } },
    async (request, reply) => {
      const actionItem = await addActionItem(deps, requireActor(request), request.params.id, request.body);
      return reply.status(201).send({ actionItem });
    },
  );
  r.patch(
    "/api/v1/action-items/:id",
    { schema: { tags, params, body: updateActionItemBody, response: replies({ 200: oneActionItem }) } },
    async (request) => ({
      actionItem: await updateActionItem(deps, requireActor(request), request.params.id, request.body),
    }),
  );
  r.get(
    "/api/v1/action-items",
    { schema: { tags, querystring: actionItemsQuery, response: replies({ 200: actionItemList }) } },
    async (request) => ({
      actionItems: await listActionItems(deps, requireActor(request), request.query),
    }),
  );
  r.post(
    "/api/v1/meetings/:id/complete",
    { schema: { tags, params, response: replies({ 200: meetingCompleted }) } },
    async (request) => {
      const actor = requireActor(request);
      const { meetingId, recap } = await completeMeeting(deps, actor, request.params.id);
      return { meeting: await presentMeeting(deps, actor, meetingId), recap };
    },
  );
  r.post(
    "/api/v1/meetings/:id/rating",
    { schema: { tags, params, body: ratingBody, response: replies({ 200: oneRating, 201: oneRating }) } },
    async (request, reply) => {
      const { rating, created } = await rateMeeting(
        deps,
        requireActor(request),
        request.params.id,
        request.body,
      );
      return reply.status(created ? 201 : 200).send({ rating });
    },
  );
}
