import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams } from "../../../contracts/common";
import { createPolicyBody, policyAckBody, updatePolicyBody } from "../../../contracts/policies";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import {
  acknowledgePolicy,
  createPolicy,
  getPolicy,
  listPolicies,
  listPolicyVersions,
  listTemplates,
  myPendingPolicies,
  policyCompliance,
  updatePolicy,
} from "./policies.service";

export function registerPolicyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["policies"];
  r.get("/api/v1/policies/templates", { schema: { tags } }, async () => ({ templates: listTemplates() }));
  r.get("/api/v1/policies", { schema: { tags } }, async (request) => ({
    policies: await listPolicies(deps, requireActor(request)),
  }));
  r.post("/api/v1/policies", { schema: { tags, body: createPolicyBody } }, async (request, reply) =>
    reply.status(201).send({ policy: await createPolicy(deps, requireActor(request), request.body) }),
  );
  r.get("/api/v1/policies/:id", { schema: { tags, params: idParams } }, async (request) => ({
    policy: await getPolicy(deps, requireActor(request), request.params.id),
  }));
  r.put(
    "/api/v1/policies/:id",
    { schema: { tags, params: idParams, body: updatePolicyBody } },
    async (request) => ({
      policy: await updatePolicy(deps, requireActor(request), request.params.id, request.body),
    }),
  );
  r.get("/api/v1/policies/:id/versions", { schema: { tags, params: idParams } }, async (request) => ({
    versions: await listPolicyVersions(deps, requireActor(request), request.params.id),
  }));
  r.post(
    "/api/v1/policies/:id/acknowledgements",
    { schema: { tags, params: idParams, body: policyAckBody } },
    async (request, reply) =>
      reply.status(201).send({
        acknowledgement: await acknowledgePolicy(
          deps,
          requireActor(request),
          request.params.id,
          request.body.version,
        ),
      }),
  );
  r.get("/api/v1/policies/:id/compliance", { schema: { tags, params: idParams } }, async (request) =>
    policyCompliance(deps, requireActor(request), request.params.id),
  );
  r.get("/api/v1/me/policies", { schema: { tags } }, async (request) => ({
    pending: await myPendingPolicies(deps, requireActor(request)),
  }));
}
