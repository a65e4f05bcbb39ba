import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { checkinParams, digestQuery, digestView } from "../../../contracts/checkins";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { getDigest } from "./digest.service";

const oneDigest = z.object({ digest: digestView });

/** GET /checkins/:id/digest?localDate=: a ritual's answers for one local date (the latest without one). */
export function digestRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/v1/checkins/:id/digest",
    {
      schema: {
        tags: ["checkins"],
        params: checkinParams,
        querystring: digestQuery,
        response: replies({ 200: oneDigest }),
      },
    },
    async (request) => ({
      digest: await getDigest(deps, requireActor(request), request.params.id, request.query.localDate),
    }),
  );
}
