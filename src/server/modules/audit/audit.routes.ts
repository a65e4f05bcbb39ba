import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../deps";
import { requireActor, requireRole } from "../../platform/http/actor";
import { listAudit } from "./audit.service";

export function registerAuditRoutes(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/audit",
    {
      schema: {
        tags: ["admin"],
        querystring: z.strictObject({ before: z.uuid().optional() }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requireRole(actor, ["admin"], "read the audit log");
      return listAudit(deps.db, actor.organisationId, request.query.before);
    },
  );
}
