import { PassThrough, type Readable } from "node:stream";
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  chunkParams,
  completeRecordingBody,
  createRecordingBody,
  oneRecording,
  recordingParams,
} from "../../../contracts/recordings";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { noContent, replies } from "../../platform/http/replies";
import { presentRecording } from "./recordings.present";
import { completeRecording, createRecording, discardRecording, putChunk } from "./upload.service";
import { notMultipart, uploadWholeRecording } from "./whole-upload";

const tags = ["recordings"];

/** The request bodies handed over unread by the catch-all parsers below, to be streamed to storage. */
const bodies = new WeakMap<FastifyRequest, Readable>();

/** Any body at all is left unread for the route: every content type, none parsed (not even JSON). */
function streamEveryBody(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser("*", (request, payload, done) => {
    bodies.set(request, payload);
    done(null);
  });
}

/**
 * The request body as a stream the store may break off (a refused chunk) without destroying the
 * request itself, so the client still reads the 413 or 415; the client going away still ends it.
 * Nothing reads this stream until the recording is looked up: a client gone meanwhile (a reload)
 * would make its error uncaught and end the process, so it is listened to from the start. The
 * store still learns of it: a pipeline reports the error of a stream already destroyed.
 */
function detached(request: Readable): Readable {
  const body = new PassThrough();
  body.on("error", () => undefined);
  if (request.destroyed) {
    body.destroy(new Error("the upload was interrupted"));
    return body;
  }
  request.pipe(body);
  request.once("error", (error) => body.destroy(error));
  request.once("close", () => {
    if (!request.readableEnded) body.destroy(new Error("the upload was interrupted"));
  });
  return body;
}

const declaredLength = (request: FastifyRequest): number | undefined => {
  const length = request.headers["content-length"];
  return length === undefined ? undefined : Number(length);
};

/** Starting a recording, its chunks and completing it; a whole file in one multipart upload. */
export async function registerUploadRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/v1/recordings",
    { schema: { tags, body: createRecordingBody, response: replies({ 201: oneRecording }) } },
    async (request, reply) => {
      const row = await createRecording(deps, requireActor(request), request.body);
      return reply.status(201).send({ recording: presentRecording(row) });
    },
  );

  r.post(
    "/api/v1/recordings/:id/complete",
    {
      schema: {
        tags,
        params: recordingParams,
        body: completeRecordingBody,
        response: replies({ 200: oneRecording }),
      },
    },
    async (request) => ({
      recording: presentRecording(
        await completeRecording(deps, requireActor(request), request.params.id, request.body),
      ),
    }),
  );

  r.delete(
    "/api/v1/recordings/:id",
    { schema: { tags, params: recordingParams, response: replies({ 204: noContent }) } },
    async (request, reply) => {
      await discardRecording(deps, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );

  await app.register(async (scoped) => {
    streamEveryBody(scoped);
    scoped
      .withTypeProvider<ZodTypeProvider>()
      .put(
        "/api/v1/recordings/:id/chunks/:index",
        { schema: { tags, params: chunkParams, response: replies({ 204: noContent }) } },
        async (request, reply) => {
          const actor = requireActor(request);
          const body = detached(bodies.get(request) ?? request.raw);
          await putChunk(deps, actor, request.params, body, declaredLength(request));
          return reply.status(204).send();
        },
      );
  });

  await app.register(async (scoped) => {
    streamEveryBody(scoped);
    await scoped.register(multipart, {
      // One byte past the limit reaches the store's own counter, which refuses it (413).
      limits: { fileSize: deps.config.recordingMaxBytes + 1, files: 1, fields: 5, parts: 6, fieldSize: 4096 },
    });
    scoped
      .withTypeProvider<ZodTypeProvider>()
      .post(
        "/api/v1/recordings/upload",
        { schema: { tags, consumes: ["multipart/form-data"], response: replies({ 200: oneRecording }) } },
        async (request) => {
          const actor = requireActor(request);
          if (!request.isMultipart()) throw notMultipart();
          return { recording: presentRecording(await uploadWholeRecording(deps, actor, request.parts())) };
        },
      );
  });
}
