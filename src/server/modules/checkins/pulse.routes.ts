import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";

/** Pulse trends (thresholded) and participation (counts; names for those who run the ritual). */
export function pulseRoutes(app: FastifyInstance, deps: Deps): void {
  void app;
  void deps;
}
