import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams } from "../../../contracts/common";
import { ledgerQuery, rotationBody, slotsBody } from "../../../contracts/scheduling";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { getLedger } from "./ledger.service";
import { deleteRotation, listRotations, planRotationFor } from "./rotation.service";
import { findSlotsFor } from "./slots.service";

export function registerSchedulingRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["scheduling"];

  r.post("/api/v1/scheduling/slots", { schema: { tags, body: slotsBody } }, async (request) => ({
    slots: await findSlotsFor(deps, requireActor(request), request.body),
  }));
  r.post("/api/v1/scheduling/rotation", { schema: { tags, body: rotationBody } }, async (request, reply) => {
    const plan = await planRotationFor(deps, requireActor(request), request.body);
    return reply.status(plan.rotationId ? 201 : 200).send(plan);
  });
  r.get("/api/v1/scheduling/rotations", { schema: { tags } }, async (request) => ({
    rotations: await listRotations(deps, requireActor(request)),
  }));
  r.delete(
    "/api/v1/scheduling/rotations/:id",
    { schema: { tags, params: idParams } },
    async (request, reply) => {
      await deleteRotation(deps, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
  r.get("/api/v1/scheduling/ledger", { schema: { tags, querystring: ledgerQuery } }, async (request) => ({
    ledger: await getLedger(deps, requireActor(request), request.query.teamId),
  }));
}
