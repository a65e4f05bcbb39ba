import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  inboxPage,
  inboxQuery,
  markReadBody,
  notificationSettingsBody,
  notificationSettingsView,
  testNotificationBody,
  urgentLogQuery,
  urgentLogView,
} from "../../../contracts/notifications";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { noContent, replies } from "../../platform/http/replies";
import { listInbox, markRead, sendTestNotification } from "./inbox.service";
import { mySettings, saveMySettings } from "./settings.service";
import { urgentLog } from "./urgent-log.service";

export function registerNotificationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["notifications"];
  r.get(
    "/api/v1/inbox",
    { schema: { tags, querystring: inboxQuery, response: replies({ 200: inboxPage }) } },
    async (request) => listInbox(deps, requireActor(request), request.query),
  );
  r.post(
    "/api/v1/inbox/read",
    { schema: { tags, body: markReadBody, response: replies({ 204: noContent }) } },
    async (request, reply) => {
      await markRead(deps, requireActor(request), request.body);
      return reply.status(204).send();
    },
  );
  r.get(
    "/api/v1/me/notification-settings",
    { schema: { tags, response: replies({ 200: notificationSettingsView }) } },
    async (request) => mySettings(deps, requireActor(request)),
  );
  r.put(
    "/api/v1/me/notification-settings",
    {
      schema: { tags, body: notificationSettingsBody, response: replies({ 200: notificationSettingsView }) },
    },
    async (request) => saveMySettings(deps, requireActor(request), request.body),
  );
  r.get(
    "/api/v1/notifications/urgent-log",
    { schema: { tags, querystring: urgentLogQuery, response: replies({ 200: urgentLogView }) } },
    async (request) => urgentLog(deps, requireActor(request), request.query),
  );
  r.post(
    "/api/v1/notifications/test",
    {
      schema: { tags, body: testNotificationBody, response: replies({ 202: z.object({ id: z.string() }) }) },
    },
    async (request, reply) =>
      reply.status(202).send(await sendTestNotification(deps, requireActor(request), request.body)),
  );
}
