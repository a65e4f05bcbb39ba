import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { outboxQuery } from "../../../contracts/onboarding";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { listOutbox } from "./outbox.service";

export function registerOutboxRoutes(app: FastifyInstance, deps: Deps): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get("/api/v1/outbox", { schema: { tags: ["admin"], querystring: outboxQuery } }, async (request) =>
      listOutbox(deps, requireActor(request), { limit: request.query.limit, after: request.query.cursor }),
    );
}
