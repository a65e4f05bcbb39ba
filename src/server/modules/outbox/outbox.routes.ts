import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { outboxPage, outboxQuery } from "../../../contracts/onboarding";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { listOutbox } from "./outbox.service";

export function registerOutboxRoutes(app: FastifyInstance, deps: Deps): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      "/api/v1/outbox",
      { schema: { tags: ["admin"], querystring: outboxQuery, response: replies({ 200: outboxPage }) } },
      async (request) =>
        listOutbox(deps, requireActor(request), { limit: request.query.limit, after: request.query.cursor }),
    );
}
