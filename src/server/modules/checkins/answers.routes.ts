import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";

/** My open occurrences, one occurrence, answering; the digest of a ritual's local date. */
export function answerRoutes(app: FastifyInstance, deps: Deps): void {
  void app;
  void deps;
}
