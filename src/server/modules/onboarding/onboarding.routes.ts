import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { acceptInvitationBody, sessionView } from "../../../contracts/auth";
import { idParams } from "../../../contracts/common";
import {
  importReport,
  invitationLinkView,
  invitationTokenParams,
  invitationView,
  invitedView,
  oneImport,
} from "../../../contracts/onboarding";
import { createPersonBody } from "../../../contracts/people";
import type { Deps } from "../../deps";
import { AppError } from "../../platform/errors";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { setSessionCookie } from "../auth";
import { presentOrganisation } from "../organisations";
import { presentPerson } from "../people";
import { getImport } from "./import.job";
import { submitImport } from "./import.service";
import { acceptInvitation, listInvitations, resendInvitation } from "./invitations.service";
import { invitePerson } from "./onboarding.service";

const CSV_LIMIT = 5 * 1024 * 1024;

async function requireCsv(request: FastifyRequest) {
  if (!request.headers["content-type"]?.startsWith("text/csv")) {
    throw new AppError("unsupported_media_type", "Send the file with content-type text/csv");
  }
}

/** Inviting people (one by one or from CSV) and accepting invitations; CSV parsing stays in this plugin. */
export async function registerOnboardingRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(async (scoped) => {
    scoped.addContentTypeParser("text/csv", { parseAs: "string", bodyLimit: CSV_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
    const r = scoped.withTypeProvider<ZodTypeProvider>();
    const tags = ["people"];

    r.post(
      "/api/v1/people",
      { schema: { tags, body: createPersonBody, response: replies({ 201: invitedView }) } },
      async (request, reply) => {
        const result = await invitePerson(deps, requireActor(request), request.body, request.ip);
        return reply
          .status(201)
          .send({ person: presentPerson(result.person), invitation: result.invitation });
      },
    );

    r.post(
      "/api/v1/people/import",
      {
        bodyLimit: CSV_LIMIT,
        preValidation: requireCsv,
        schema: {
          tags,
          consumes: ["text/csv"],
          body: z.string().max(CSV_LIMIT),
          // Up to IMPORT_SYNC_MAX_ROWS rows: the report; a larger file: the job started.
          response: replies({ 200: importReport, 202: oneImport }),
        },
      },
      async (request, reply) => {
        const answer = await submitImport(deps, requireActor(request), request.body);
        return "import" in answer ? reply.status(202).send(answer) : answer;
      },
    );

    r.get(
      "/api/v1/people/imports/:id",
      { schema: { tags, params: idParams, response: replies({ 200: oneImport }) } },
      async (request) => ({ import: await getImport(deps, requireActor(request), request.params.id) }),
    );

    r.get(
      "/api/v1/invitations",
      { schema: { tags, response: replies({ 200: z.object({ invitations: z.array(invitationView) }) }) } },
      async (request) => ({ invitations: await listInvitations(deps, requireActor(request)) }),
    );

    r.post(
      "/api/v1/invitations/:id/resend",
      {
        schema: {
          tags,
          params: idParams,
          response: replies({ 201: z.object({ invitation: invitationLinkView }) }),
        },
      },
      async (request, reply) => {
        const invitation = await resendInvitation(deps, requireActor(request), request.params.id, request.ip);
        return reply.status(201).send({ invitation });
      },
    );

    r.post(
      "/api/v1/invitations/:token/accept",
      {
        schema: {
          tags,
          params: invitationTokenParams,
          body: acceptInvitationBody,
          response: replies({ 200: sessionView }),
        },
        config: { access: "public" },
      },
      async (request, reply) => {
        const result = await acceptInvitation(deps, request.params.token, request.body, request.ip);
        setSessionCookie(request, reply, result.session);
        return {
          person: presentPerson(result.person),
          organisation: presentOrganisation(result.organisation),
        };
      },
    );
  });
}
