import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { complianceView } from "../../../contracts/agreement";
import { idParams } from "../../../contracts/common";
import {
  createPolicyBody,
  pendingPolicy,
  policyAckBody,
  policyAcknowledgement,
  policyDetailView,
  policyTemplateView,
  policyView,
  updatePolicyBody,
} from "../../../contracts/policies";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
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
  const onePolicy = z.object({ policy: policyView });
  r.get(
    "/api/v1/policies/templates",
    { schema: { tags, response: replies({ 200: z.object({ templates: z.array(policyTemplateView) }) }) } },
    async () => ({ templates: listTemplates() }),
  );
  r.get(
    "/api/v1/policies",
    { schema: { tags, response: replies({ 200: z.object({ policies: z.array(policyView) }) }) } },
    async (request) => ({ policies: await listPolicies(deps, requireActor(request)) }),
  );
  r.post(
    "/api/v1/policies",
    { schema: { tags, body: createPolicyBody, response: replies({ 201: onePolicy }) } },
    async (request, reply) =>
      reply.status(201).send({ policy: await createPolicy(deps, requireActor(request), request.body) }),
  );
  r.get(
    "/api/v1/policies/:id",
    {
      schema: { tags, params: idParams, response: replies({ 200: z.object({ policy: policyDetailView }) }) },
    },
    async (request) => ({ policy: await getPolicy(deps, requireActor(request), request.params.id) }),
  );
  r.put(
    "/api/v1/policies/:id",
    { schema: { tags, params: idParams, body: updatePolicyBody, response: replies({ 200: onePolicy }) } },
    async (request) => ({
      policy: await updatePolicy(deps, requireActor(request), request.params.id, request.body),
    }),
  );
  r.get(
    "/api/v1/policies/:id/versions",
    {
      schema: {
        tags,
        params: idParams,
        response: replies({ 200: z.object({ versions: z.array(policyView) }) }),
      },
    },
    async (request) => ({
      versions: await listPolicyVersions(deps, requireActor(request), request.params.id),
    }),
  );
  r.post(
    "/api/v1/policies/:id/acknowledgements",
    {
      schema: {
        tags,
        params: idParams,
        body: policyAckBody,
        response: replies({ 201: z.object({ acknowledgement: policyAcknowledgement }) }),
      },
    },
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
  r.get(
    "/api/v1/policies/:id/compliance",
    { schema: { tags, params: idParams, response: replies({ 200: complianceView }) } },
    async (request) => policyCompliance(deps, requireActor(request), request.params.id),
  );
  r.get(
    "/api/v1/me/policies",
    { schema: { tags, response: replies({ 200: z.object({ pending: z.array(pendingPolicy) }) }) } },
    async (request) => ({ pending: await myPendingPolicies(deps, requireActor(request)) }),
  );
}
