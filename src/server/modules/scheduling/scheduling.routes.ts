import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../../../contracts/common";
import {
  ledgerQuery,
  ledgerView,
  rotationBody,
  rotationPlanView,
  rotationView,
  slotsBody,
  slotView,
} from "../../../contracts/scheduling";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { noContent, replies } from "../../platform/http/replies";
import { getLedger } from "./ledger.service";
import { deleteRotation, listRotations, planRotationFor } from "./rotation.service";
import { findSlotsFor } from "./slots.service";

export function registerSchedulingRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["scheduling"];

  r.post(
    "/api/v1/scheduling/slots",
    { schema: { tags, body: slotsBody, response: replies({ 200: z.object({ slots: z.array(slotView) }) }) } },
    async (request) => ({ slots: await findSlotsFor(deps, requireActor(request), request.body) }),
  );
  // 201 when the plan was saved (it has a rotationId), 200 for a plan only looked at.
  r.post(
    "/api/v1/scheduling/rotation",
    {
      schema: {
        tags,
        body: rotationBody,
        response: replies({ 200: rotationPlanView, 201: rotationPlanView }),
      },
    },
    async (request, reply) => {
      const plan = await planRotationFor(deps, requireActor(request), request.body);
      return reply.status(plan.rotationId ? 201 : 200).send(plan);
    },
  );
  r.get(
    "/api/v1/scheduling/rotations",
    { schema: { tags, response: replies({ 200: z.object({ rotations: z.array(rotationView) }) }) } },
    async (request) => ({ rotations: await listRotations(deps, requireActor(request)) }),
  );
  r.delete(
    "/api/v1/scheduling/rotations/:id",
    { schema: { tags, params: idParams, response: replies({ 204: noContent }) } },
    async (request, reply) => {
      await deleteRotation(deps, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
  r.get(
    "/api/v1/scheduling/ledger",
    {
      schema: {
        tags,
        querystring: ledgerQuery,
        response: replies({ 200: z.object({ ledger: ledgerView }) }),
      },
    },
    async (request) => ({ ledger: await getLedger(deps, requireActor(request), request.query.teamId) }),
  );
}
