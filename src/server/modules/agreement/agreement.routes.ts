import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  acknowledgeBody,
  advice,
  adviceInput,
  agreementAcknowledgement,
  agreementQuery,
  agreementView,
  complianceView,
  pendingAgreement,
  publishAgreementBody,
  publishTeamAgreementBody,
  remindBody,
  remindersSent,
  versionParams,
  versionSummary,
  versionView,
} from "../../../contracts/agreement";
import { idParams } from "../../../contracts/common";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import {
  acknowledgeAgreement,
  agreementCompliance,
  myPendingAgreement,
  remindPending,
} from "./acknowledgements.service";
import { adviseFor } from "./advice.service";
import {
  getAgreement,
  getVersion,
  listVersions,
  publishAgreement,
  publishTeamAgreement,
} from "./agreement.service";

export function registerAgreementRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["agreement"];
  const oneAgreement = replies({ 200: z.object({ agreement: agreementView }) });

  r.get(
    "/api/v1/agreement",
    { schema: { tags, querystring: agreementQuery, response: oneAgreement } },
    async (request) => ({
      agreement: await getAgreement(deps, requireActor(request), request.query.teamId),
    }),
  );
  r.put(
    "/api/v1/agreement",
    { schema: { tags, body: publishAgreementBody, response: oneAgreement } },
    async (request) => ({
      agreement: await publishAgreement(deps, requireActor(request), request.body),
    }),
  );
  r.get(
    "/api/v1/agreement/versions",
    { schema: { tags, response: replies({ 200: z.object({ versions: z.array(versionSummary) }) }) } },
    async (request) => ({ versions: await listVersions(deps, requireActor(request)) }),
  );
  r.get(
    "/api/v1/agreement/versions/:n",
    {
      schema: {
        tags,
        params: versionParams,
        response: replies({ 200: z.object({ agreement: versionView }) }),
      },
    },
    async (request) => ({
      agreement: await getVersion(deps, requireActor(request), request.params.n),
    }),
  );
  r.put(
    "/api/v1/teams/:id/agreement",
    { schema: { tags, params: idParams, body: publishTeamAgreementBody, response: oneAgreement } },
    async (request) => ({
      agreement: await publishTeamAgreement(deps, requireActor(request), request.params.id, request.body),
    }),
  );
  r.post(
    "/api/v1/agreement/acknowledgements",
    {
      schema: {
        tags,
        body: acknowledgeBody,
        response: replies({ 201: z.object({ acknowledgement: agreementAcknowledgement }) }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        acknowledgement: await acknowledgeAgreement(deps, requireActor(request), request.body.version),
      }),
  );
  r.get(
    "/api/v1/agreement/compliance",
    { schema: { tags, response: replies({ 200: complianceView }) } },
    async (request) => agreementCompliance(deps, requireActor(request)),
  );
  r.post(
    "/api/v1/agreement/compliance/remind",
    { schema: { tags, body: remindBody, response: replies({ 200: remindersSent }) } },
    async (request) => remindPending(deps, requireActor(request), { urgent: request.body?.urgent ?? false }),
  );
  r.get(
    "/api/v1/me/agreement",
    { schema: { tags, response: replies({ 200: z.object({ pending: pendingAgreement.nullable() }) }) } },
    async (request) => ({ pending: await myPendingAgreement(deps, requireActor(request)) }),
  );
  r.post(
    "/api/v1/advice",
    { schema: { tags: ["advisor"], body: adviceInput, response: replies({ 200: z.object({ advice }) }) } },
    async (request) => ({ advice: await adviseFor(deps, requireActor(request), request.body) }),
  );
}
