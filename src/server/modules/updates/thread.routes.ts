import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";

/** Comments, reactions, acknowledgements, proposal responses and the decision of a thread. */
export function threadRoutes(_app: FastifyInstance, _deps: Deps): void {}
