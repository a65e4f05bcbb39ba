import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";

/** Rituals: create (from a template), list, read, change, delete; templates; the schedule preview. */
export function checkinRoutes(app: FastifyInstance, deps: Deps): void {
  void app;
  void deps;
}
