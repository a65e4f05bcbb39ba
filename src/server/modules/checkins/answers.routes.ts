import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { answerBody, checkinParams, occurrenceView } from "../../../contracts/checkins";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { answerOccurrence, myDueOccurrences, myOccurrence } from "./answers.service";

const dueOccurrences = z.object({ occurrences: z.array(occurrenceView) });
const oneOccurrence = z.object({ occurrence: occurrenceView });

/**
 * My open occurrences, one occurrence, answering: always the caller's own (anyone else's is 404).
 * The digest of a ritual's local date has its own file (`digest.routes.ts`).
 */
export function answerRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["checkins"];

  r.get(
    "/api/v1/checkins/due",
    { schema: { tags, response: replies({ 200: dueOccurrences }) } },
    async (request) => ({ occurrences: await myDueOccurrences(deps, requireActor(request)) }),
  );
  r.get(
    "/api/v1/checkin-occurrences/:id",
    { schema: { tags, params: checkinParams, response: replies({ 200: oneOccurrence }) } },
    async (request) => ({ occurrence: await myOccurrence(deps, requireActor(request), request.params.id) }),
  );
  r.post(
    "/api/v1/checkin-occurrences/:id/answers",
    {
      schema: { tags, params: checkinParams, body: answerBody, response: replies({ 201: oneOccurrence }) },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const occurrence = await answerOccurrence(deps, actor, request.params.id, request.body);
      return reply.status(201).send({ occurrence });
    },
  );
}
