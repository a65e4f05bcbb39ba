import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { checkinParams, participationView, periodQuery, pulseView } from "../../../contracts/checkins";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { participationOfCheckin, pulseOf } from "./pulse.service";

/** Pulse trends (thresholded) and participation (counts; names for those who run the ritual). */
export function pulseRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["checkins"];
  r.get(
    "/api/v1/checkins/:id/pulse",
    {
      schema: {
        tags,
        params: checkinParams,
        querystring: periodQuery,
        response: replies({ 200: pulseView }),
      },
    },
    async (request) => pulseOf(deps, requireActor(request), request.params.id, request.query),
  );
  r.get(
    "/api/v1/checkins/:id/participation",
    {
      schema: {
        tags,
        params: checkinParams,
        querystring: periodQuery,
        response: replies({ 200: participationView }),
      },
    },
    async (request) => participationOfCheckin(deps, requireActor(request), request.params.id, request.query),
  );
}
