import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";

/** POST/GET /documents, GET/PUT/DELETE /documents/:id, …/versions, …/diff, …/draft. */
export function documentRoutes(_app: FastifyInstance, _deps: Deps): void {
  // Built next (issue 13).
}
