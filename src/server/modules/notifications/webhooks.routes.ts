import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { uuid } from "../../../contracts/common";
import {
  webhookBody,
  webhookCreated,
  webhookDeliveryList,
  webhookList,
  webhookTestQueued,
} from "../../../contracts/notifications";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { noContent, replies } from "../../platform/http/replies";
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  rotateWebhookSecret,
  testWebhook,
} from "./webhooks.service";

const params = z.strictObject({ id: uuid });

export function registerWebhookRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["webhooks"];
  r.post(
    "/api/v1/webhooks",
    { schema: { tags, body: webhookBody, response: replies({ 201: webhookCreated }) } },
    async (request, reply) =>
      reply.status(201).send(await createWebhook(deps, requireActor(request), request.body)),
  );
  r.get(
    "/api/v1/webhooks",
    { schema: { tags, response: replies({ 200: webhookList }) } },
    async (request) => ({ webhooks: await listWebhooks(deps, requireActor(request)) }),
  );
  r.delete(
    "/api/v1/webhooks/:id",
    { schema: { tags, params, response: replies({ 204: noContent }) } },
    async (request, reply) => {
      await deleteWebhook(deps, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
  r.post(
    "/api/v1/webhooks/:id/test",
    { schema: { tags, params, response: replies({ 202: webhookTestQueued }) } },
    async (request, reply) =>
      reply.status(202).send({ delivery: await testWebhook(deps, requireActor(request), request.params.id) }),
  );
  r.post(
    "/api/v1/webhooks/:id/rotate-secret",
    { schema: { tags, params, response: replies({ 200: webhookCreated }) } },
    async (request) => rotateWebhookSecret(deps, requireActor(request), request.params.id),
  );
  r.get(
    "/api/v1/webhooks/:id/deliveries",
    {
      schema: {
        tags,
        params,
        response: replies({ 200: webhookDeliveryList }),
      },
    },
    async (request) => ({ deliveries: await listDeliveries(deps, requireActor(request), request.params.id) }),
  );
}
