import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";

/** Decisions, action items, completing with a recap, ratings, meeting load. */
export function registerOutcomeRoutes(_app: FastifyInstance, _deps: Deps): void {}
