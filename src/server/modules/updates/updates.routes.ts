import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";

/** POST/GET /updates, GET/PATCH/DELETE /updates/:id, POST /updates/:id/seen, POST /updates/reply-by. */
export function updateRoutes(_app: FastifyInstance, _deps: Deps): void {}
