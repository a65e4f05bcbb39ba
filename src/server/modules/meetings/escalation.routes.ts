import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { oneActionItem, oneMeeting } from "../../../contracts/meetings";
import { escalationBody, threadActionItemBody, updateParams } from "../../../contracts/updates";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { escalateThread } from "./escalation.service";
import { addThreadActionItem } from "./thread-items.service";

/**
 * What a thread (issue 12) asks of the meetings module: a meeting to decide it, and action items
 * (which live with the meetings' own, so one list holds both).
 */
export function registerEscalationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["updates"];
  const params = updateParams;
  r.post(
    "/api/v1/updates/:id/escalation",
    { schema: { tags, params, body: escalationBody, response: replies({ 201: oneMeeting }) } },
    async (request, reply) => {
      const meeting = await escalateThread(deps, requireActor(request), request.params.id, request.body);
      return reply.status(201).send({ meeting });
    },
  );
  r.post(
    "/api/v1/updates/:id/action-items",
    { schema: { tags, params, body: threadActionItemBody, response: replies({ 201: oneActionItem }) } },
    async (request, reply) => {
      const actionItem = await addThreadActionItem(
        deps,
        requireActor(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send({ actionItem });
    },
  );
}
