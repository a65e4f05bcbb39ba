import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";

/** Blockers: mine to unblock, a team's (its leads), resolving one. */
export function blockerRoutes(app: FastifyInstance, deps: Deps): void {
  void app;
  void deps;
}
