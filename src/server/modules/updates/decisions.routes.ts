import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";

/** GET /decisions: the decision log across meetings and threads. */
export function decisionRoutes(_app: FastifyInstance, _deps: Deps): void {}
