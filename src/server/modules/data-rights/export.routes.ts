import type { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { exportParams, oneExport } from "../../../contracts/exports";
import { personParams } from "../../../contracts/people";
import type { Deps } from "../../deps";
import { AppError } from "../../platform/errors";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { downloadOf, getExport, requestOrganisationExport, requestPersonExport } from "./export.service";

/** The ZIP as bytes, declared by media type so `/api/openapi.json` shows it and the serializer never runs. */
const zip = {
  description: "The export as a ZIP; from S3 storage, a 302 to a signed address valid for 5 minutes",
  content: {
    "application/zip": { schema: z.custom<Readable>(() => true).meta({ type: "string", format: "binary" }) },
  },
};
const SIGNED_URL_SECONDS = 300;

/** Data exports (issue 17): a person's data, the organisation's, their progress and the download. */
export function registerExportRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["data rights"];
  const started = { schema: { tags, response: replies({ 202: oneExport }) } };

  r.post("/api/v1/me/export", started, async (request, reply) => {
    const actor = requireActor(request);
    return reply.status(202).send({ export: await requestPersonExport(deps, actor, actor.personId) });
  });
  r.post(
    "/api/v1/people/:id/export",
    { schema: { ...started.schema, params: personParams } },
    async (request, reply) =>
      reply
        .status(202)
        .send({ export: await requestPersonExport(deps, requireActor(request), request.params.id) }),
  );
  r.post("/api/v1/organisation/export", started, async (request, reply) =>
    reply.status(202).send({ export: await requestOrganisationExport(deps, requireActor(request)) }),
  );
  r.get(
    "/api/v1/exports/:id",
    { schema: { tags, params: exportParams, response: replies({ 200: oneExport }) } },
    async (request) => ({ export: await getExport(deps, requireActor(request), request.params.id) }),
  );
  r.get(
    "/api/v1/exports/:id/download",
    { schema: { tags, params: exportParams, response: { ...replies({}), 200: zip } } },
    async (request, reply) => {
      const { key, name } = await downloadOf(deps, requireActor(request), request.params.id);
      const url = await deps.storage.signedUrl(key, {
        expiresSeconds: SIGNED_URL_SECONDS,
        contentType: "application/zip",
      });
      if (url) return reply.header("cache-control", "no-store").redirect(url, 302);
      const size = await deps.storage.size(key);
      if (size === null) throw new AppError("not_found", "This export's file is missing from storage");
      const body = await deps.storage.read(key);
      return reply
        .type("application/zip")
        .header("content-disposition", `attachment; filename="${name}"`)
        .header("content-length", size)
        .header("cache-control", "private, no-store")
        .send(body);
    },
  );
}
