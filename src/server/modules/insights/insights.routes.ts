import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  agreementEffectQuery,
  agreementEffectView,
  insightsQuery,
  meetingAuditQuery,
  meetingAuditView,
  myInsightsView,
  organisationInsightsQuery,
  organisationInsightsView,
  teamInsightsParams,
  teamInsightsView,
} from "../../../contracts/insights";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { meetingAudit } from "./audit.service";
import { agreementEffect } from "./effect.service";
import { organisationInsights, teamInsights } from "./groups.service";
import { myInsights } from "./personal.service";

/** The insights reads: every one from the rollups, behind the access map and the minimum group size. */
export function insightsRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["insights"];
  r.get(
    "/api/v1/insights/me",
    { schema: { tags, querystring: insightsQuery, response: replies({ 200: myInsightsView }) } },
    async (request) => myInsights(deps, requireActor(request), request.query),
  );
  r.get(
    "/api/v1/insights/teams/:id",
    {
      schema: {
        tags,
        params: teamInsightsParams,
        querystring: insightsQuery,
        response: replies({ 200: teamInsightsView }),
      },
    },
    async (request) => teamInsights(deps, requireActor(request), request.params.id, request.query),
  );
  r.get(
    "/api/v1/insights/organisation",
    {
      schema: {
        tags,
        querystring: organisationInsightsQuery,
        response: replies({ 200: organisationInsightsView }),
      },
    },
    async (request) => organisationInsights(deps, requireActor(request), request.query),
  );
  r.get(
    "/api/v1/insights/agreement-effect",
    { schema: { tags, querystring: agreementEffectQuery, response: replies({ 200: agreementEffectView }) } },
    async (request) => agreementEffect(deps, requireActor(request), request.query),
  );
  r.get(
    "/api/v1/insights/meeting-audit",
    { schema: { tags, querystring: meetingAuditQuery, response: replies({ 200: meetingAuditView }) } },
    async (request) => meetingAudit(deps, requireActor(request), request.query),
  );
}
