import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";

/** GET /search. */
export function searchRoutes(_app: FastifyInstance, _deps: Deps): void {
  // Built next (issue 13).
}
