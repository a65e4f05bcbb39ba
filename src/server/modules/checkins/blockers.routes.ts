import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { blockerBody, blockersQuery, blockerView, checkinParams } from "../../../contracts/checkins";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { listBlockers, setBlockerStatus } from "./blockers.service";

const blockerList = z.object({ blockers: z.array(blockerView) });
const oneBlocker = z.object({ blocker: blockerView });

/** Blockers: mine to unblock, a team's (its leads), resolving one. */
export function blockerRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["checkins"];
  r.get(
    "/api/v1/blockers",
    { schema: { tags, querystring: blockersQuery, response: replies({ 200: blockerList }) } },
    async (request) => ({ blockers: await listBlockers(deps, requireActor(request), request.query) }),
  );
  r.patch(
    "/api/v1/blockers/:id",
    { schema: { tags, params: checkinParams, body: blockerBody, response: replies({ 200: oneBlocker }) } },
    async (request) => ({
      blocker: await setBlockerStatus(deps, requireActor(request), request.params.id, request.body.status),
    }),
  );
}
