import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  createDocumentBody,
  diffQuery,
  documentDiff,
  documentList,
  documentListQuery,
  documentParams,
  documentTags,
  documentVersions,
  draftBody,
  oneDocument,
  oneDocumentVersion,
  oneDraft,
  saveDocumentBody,
  versionParams,
} from "../../../contracts/documents";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { noContent, replies } from "../../platform/http/replies";
import {
  createDocument,
  deleteDocument,
  getDocument,
  listDocuments,
  listTags,
  saveDocument,
} from "./documents.service";
import { deleteDraft, putDraft } from "./drafts";
import { diffVersions, getDocumentVersion, listDocumentVersions } from "./versions";

/** POST/GET /documents, GET /documents/tags, GET/PUT/DELETE /documents/:id, …/versions, …/diff, …/draft. */
export function documentRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["documents"];
  r.post(
    "/api/v1/documents",
    { schema: { tags, body: createDocumentBody, response: replies({ 201: oneDocument }) } },
    async (request, reply) =>
      reply.status(201).send({ document: await createDocument(deps, requireActor(request), request.body) }),
  );
  r.get(
    "/api/v1/documents",
    { schema: { tags, querystring: documentListQuery, response: replies({ 200: documentList }) } },
    async (request) => listDocuments(deps, requireActor(request), request.query),
  );
  r.get(
    "/api/v1/documents/tags",
    { schema: { tags, response: replies({ 200: documentTags }) } },
    async (request) => listTags(deps, requireActor(request)),
  );
  r.get(
    "/api/v1/documents/:id",
    { schema: { tags, params: documentParams, response: replies({ 200: oneDocument }) } },
    async (request) => ({ document: await getDocument(deps, requireActor(request), request.params.id) }),
  );
  r.put(
    "/api/v1/documents/:id",
    {
      schema: {
        tags,
        params: documentParams,
        body: saveDocumentBody,
        response: replies({ 200: oneDocument }),
      },
    },
    async (request) => ({
      document: await saveDocument(deps, requireActor(request), request.params.id, request.body),
    }),
  );
  r.delete(
    "/api/v1/documents/:id",
    { schema: { tags, params: documentParams, response: replies({ 204: noContent }) } },
    async (request, reply) => {
      await deleteDocument(deps, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
  r.get(
    "/api/v1/documents/:id/versions",
    { schema: { tags, params: documentParams, response: replies({ 200: documentVersions }) } },
    async (request) => listDocumentVersions(deps, requireActor(request), request.params.id),
  );
  r.get(
    "/api/v1/documents/:id/versions/:version",
    { schema: { tags, params: versionParams, response: replies({ 200: oneDocumentVersion }) } },
    async (request) => ({
      version: await getDocumentVersion(
        deps,
        requireActor(request),
        request.params.id,
        request.params.version,
      ),
    }),
  );
  r.get(
    "/api/v1/documents/:id/diff",
    {
      schema: {
        tags,
        params: documentParams,
        querystring: diffQuery,
        response: replies({ 200: documentDiff }),
      },
    },
    async (request) => diffVersions(deps, requireActor(request), request.params.id, request.query),
  );
  r.put(
    "/api/v1/documents/:id/draft",
    { schema: { tags, params: documentParams, body: draftBody, response: replies({ 200: oneDraft }) } },
    async (request) => ({
      draft: await putDraft(deps, requireActor(request), request.params.id, request.body),
    }),
  );
  r.delete(
    "/api/v1/documents/:id/draft",
    { schema: { tags, params: documentParams, response: replies({ 204: noContent }) } },
    async (request, reply) => {
      await deleteDraft(deps, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
