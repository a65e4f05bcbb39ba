import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { auditPage, auditQuery } from "../../../contracts/audit";
import type { Deps } from "../../deps";
import { authorize, requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { listAudit } from "./audit.service";

export function registerAuditRoutes(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/audit",
    {
      schema: { tags: ["admin"], querystring: auditQuery, response: replies({ 200: auditPage }) },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "audit.read");
      return listAudit(deps.db, actor.organisationId, request.query.before);
    },
  );
}
