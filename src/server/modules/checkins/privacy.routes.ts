import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";

/** The organisation's minimum group sizes: everyone reads them (pages say them), admins raise them. */
export function privacyRoutes(app: FastifyInstance, deps: Deps): void {
  void app;
  void deps;
}
