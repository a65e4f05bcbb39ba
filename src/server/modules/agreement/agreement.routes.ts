import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  acknowledgeBody,
  adviceInput,
  agreementQuery,
  publishAgreementBody,
  publishTeamAgreementBody,
  versionParams,
} from "../../../contracts/agreement";
import { idParams } from "../../../contracts/common";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
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

  r.get("/api/v1/agreement", { schema: { tags, querystring: agreementQuery } }, async (request) => ({
    agreement: await getAgreement(deps, requireActor(request), request.query.teamId),
  }));
  r.put("/api/v1/agreement", { schema: { tags, body: publishAgreementBody } }, async (request) => ({
    agreement: await publishAgreement(deps, requireActor(request), request.body),
  }));
  r.get("/api/v1/agreement/versions", { schema: { tags } }, async (request) => ({
    versions: await listVersions(deps, requireActor(request)),
  }));
  r.get("/api/v1/agreement/versions/:n", { schema: { tags, params: versionParams } }, async (request) => ({
    agreement: await getVersion(deps, requireActor(request), request.params.n),
  }));
  r.put(
    "/api/v1/teams/:id/agreement",
    { schema: { tags, params: idParams, body: publishTeamAgreementBody } },
    async (request) => ({
      agreement: await publishTeamAgreement(deps, requireActor(request), request.params.id, request.body),
    }),
  );
  r.post(
    "/api/v1/agreement/acknowledgements",
    { schema: { tags, body: acknowledgeBody } },
    async (request, reply) =>
      reply.status(201).send({
        acknowledgement: await acknowledgeAgreement(deps, requireActor(request), request.body.version),
      }),
  );
  r.get("/api/v1/agreement/compliance", { schema: { tags } }, async (request) =>
    agreementCompliance(deps, requireActor(request)),
  );
  r.post("/api/v1/agreement/compliance/remind", { schema: { tags } }, async (request) =>
    remindPending(deps, requireActor(request)),
  );
  r.get("/api/v1/me/agreement", { schema: { tags } }, async (request) => ({
    pending: await myPendingAgreement(deps, requireActor(request)),
  }));
  r.post("/api/v1/advice", { schema: { tags: ["advisor"], body: adviceInput } }, async (request) => ({
    advice: await adviseFor(deps, requireActor(request), request.body),
  }));
}
