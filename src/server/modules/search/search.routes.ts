import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { searchAnswer, searchQuery } from "../../../contracts/search";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { search } from "./search.service";

/** GET /search: one search over documents, updates, meetings and decisions. */
export function searchRoutes(app: FastifyInstance, deps: Deps): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      "/api/v1/search",
      { schema: { tags: ["search"], querystring: searchQuery, response: replies({ 200: searchAnswer }) } },
      async (request) => search(deps, requireActor(request), request.query),
    );
}
