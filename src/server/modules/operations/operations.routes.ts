import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { jobParams, operationsView, retriedJob } from "../../../contracts/operations";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { operationsOverview, retryJob } from "./operations.service";

export function registerOperationsRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["admin"];
  r.get(
    "/api/v1/admin/operations",
    { schema: { tags, response: replies({ 200: operationsView }) } },
    (request) => operationsOverview(deps, requireActor(request)),
  );
  r.post(
    "/api/v1/admin/operations/jobs/:id/retry",
    { schema: { tags, params: jobParams, response: replies({ 200: retriedJob }) } },
    (request) => retryJob(deps, requireActor(request), request.params.id, request.ip),
  );
}
