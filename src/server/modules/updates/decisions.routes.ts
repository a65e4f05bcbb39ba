import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { decisionLog, decisionsQuery } from "../../../contracts/updates";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { listDecisions } from "./decisions.service";

/** GET /decisions: the decision log across meetings and threads. */
export function decisionRoutes(app: FastifyInstance, deps: Deps): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      "/api/v1/decisions",
      { schema: { tags: ["updates"], querystring: decisionsQuery, response: replies({ 200: decisionLog }) } },
      async (request) => ({ decisions: await listDecisions(deps, requireActor(request), request.query) }),
    );
}
