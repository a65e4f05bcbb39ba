import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  apiTokenView,
  createdApiTokenView,
  csrfView,
  loginBody,
  sessionView,
  tokenBody,
} from "../../../contracts/auth";
import { idParams } from "../../../contracts/common";
import type { Deps } from "../../deps";
import { AppError } from "../../platform/errors";
import { requireActor } from "../../platform/http/actor";
import { noContent, replies } from "../../platform/http/replies";
import { recordAudit } from "../audit";
import { getOrganisation, presentOrganisation } from "../organisations";
import { getPerson, presentPerson } from "../people";
import { csrfTokenFor } from "./auth.hook";
import { createApiToken, deleteApiToken, listApiTokens, login } from "./auth.service";
import { deleteSession, SESSION_COOKIE } from "./sessions";

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: { token: string; expiresAt: Date },
) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    path: "/",
    expires: session.expiresAt,
  });
}

export function registerAuthRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["auth"];

  r.post(
    "/api/v1/auth/login",
    {
      schema: { tags, body: loginBody, response: replies({ 200: sessionView }) },
      config: { access: "public" },
    },
    async (request, reply) => {
      const result = await login(deps, { ...request.body, ip: request.ip });
      setSessionCookie(request, reply, result.session);
      return { person: presentPerson(result.person), organisation: presentOrganisation(result.organisation) };
    },
  );

  r.post(
    "/api/v1/auth/logout",
    { schema: { tags, response: replies({ 204: noContent }) } },
    async (request, reply) => {
      const actor = requireActor(request);
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await deleteSession(deps.db, cookie);
      await recordAudit(deps.db, {
        organisationId: actor.organisationId,
        actorId: actor.personId,
        action: "auth.logout",
        ip: request.ip,
      });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send();
    },
  );

  r.get("/api/v1/auth/csrf", { schema: { tags, response: replies({ 200: csrfView }) } }, async (request) => {
    const token = await csrfTokenFor(deps, request.cookies[SESSION_COOKIE]);
    if (!token)
      throw new AppError("unauthenticated", "CSRF tokens belong to a browser session; sign in first");
    return { token };
  });

  r.get("/api/v1/me", { schema: { tags, response: replies({ 200: sessionView }) } }, async (request) => {
    const actor = requireActor(request);
    const person = await getPerson(deps.db, actor.organisationId, actor.personId);
    return {
      person: presentPerson(person),
      organisation: presentOrganisation(await getOrganisation(deps.db, actor.organisationId)),
    };
  });

  r.post(
    "/api/v1/me/tokens",
    { schema: { tags, body: tokenBody, response: replies({ 201: createdApiTokenView }) } },
    async (request, reply) => {
      const token = await createApiToken(deps, requireActor(request), request.body.name, request.ip);
      return reply.status(201).send(token);
    },
  );

  r.get(
    "/api/v1/me/tokens",
    { schema: { tags, response: replies({ 200: z.object({ tokens: z.array(apiTokenView) }) }) } },
    async (request) => ({ tokens: await listApiTokens(deps, requireActor(request)) }),
  );

  r.delete(
    "/api/v1/me/tokens/:id",
    { schema: { tags, params: idParams, response: replies({ 204: noContent }) } },
    async (request, reply) => {
      await deleteApiToken(deps, requireActor(request), request.params.id, request.ip);
      return reply.status(204).send();
    },
  );
}
