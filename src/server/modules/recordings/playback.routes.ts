import type { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  oneRecording,
  POSTER_TYPES,
  recordingLimitsView,
  recordingParams,
  VIDEO_TYPES,
} from "../../../contracts/recordings";
import type { Deps } from "../../deps";
import { AppError } from "../../platform/errors";
import { requireActor } from "../../platform/http/actor";
import { parseRange } from "../../platform/http/range";
import { noContent, replies } from "../../platform/http/replies";
import { getRecording, mediaOf, posterOf, setPoster } from "./playback.service";

/**
 * A request body handed to the handler unread. Its stream is a private field, so the NUL guard's walk
 * over the body's own properties finds nothing to read.
 */
class RawBody {
  readonly #stream: Readable;
  constructor(stream: Readable) {
    this.#stream = stream;
  }
  get stream(): Readable {
    return this.#stream;
  }
}

/**
 * Binary answers declared by media type, so `/api/openapi.json` shows them and the serializer never runs:
 * the handler sends a stream, which Fastify pipes as it is.
 */
const binary = z.custom<Readable>(() => true).meta({ type: "string", format: "binary" });
const bytesOf = (types: readonly string[], description: string) => ({
  description,
  content: Object.fromEntries(types.map((type) => [type, { schema: binary }])),
});
// On S3 storage the answer is instead a 302 to a signed address valid for 5 minutes (ranges work there):
// not declared, since the document wants a body for every status and a redirect has none.
const video = bytesOf(
  VIDEO_TYPES,
  "The video's bytes (or the range asked for: 206 with Content-Range); from S3, a 302 to a signed address",
);
const poster = bytesOf(POSTER_TYPES, "The poster frame");

const CACHE = "private, max-age=300";

/** Playback (issue 14): a recording's view, the limits, its media with ranges, its poster frame. */
export async function playbackRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(async (scoped) => {
    // The poster's bytes are read (and sniffed) by the service, whatever type the client named.
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser("*", (_request, payload, done) => done(null, new RawBody(payload)));
    const r = scoped.withTypeProvider<ZodTypeProvider>();
    const tags = ["recordings"];
    const params = recordingParams;

    // A static path: Fastify prefers it to `/:id`, whatever the order they are registered in.
    r.get(
      "/api/v1/recordings/limits",
      { schema: { tags, response: replies({ 200: recordingLimitsView }) } },
      (request) => {
        requireActor(request);
        return {
          maxBytes: deps.config.recordingMaxBytes,
          maxDurationMs: deps.config.recordingMaxDurationMs,
          transcripts: false,
        };
      },
    );

    r.get(
      "/api/v1/recordings/:id",
      { schema: { tags, params, response: replies({ 200: oneRecording }) } },
      async (request) => ({
        recording: await getRecording(deps, requireActor(request), request.params.id),
      }),
    );

    r.get(
      "/api/v1/recordings/:id/media",
      { schema: { tags, params, response: { ...replies({}), 200: video, 206: video } } },
      async (request, reply) => {
        const source = await mediaOf(deps, requireActor(request), request.params.id);
        if (source.kind === "redirect")
          return reply.header("cache-control", "no-store").redirect(source.url, 302);
        const { key, size, type, etag } = source;
        reply.header("accept-ranges", "bytes");
        const ifRange = request.headers["if-range"];
        const range =
          ifRange && ifRange !== etag ? { kind: "whole" as const } : parseRange(request.headers.range, size);
        if (range.kind === "unsatisfiable") {
          reply.header("content-range", `bytes */${size}`);
          throw new AppError(
            "range_not_satisfiable",
            `The range asked for is outside the video's ${size} bytes`,
          );
        }
        const part = range.kind === "partial" ? { start: range.start, end: range.end } : undefined;
        // Gone since it was measured (retention ran meanwhile): as if it had been gone before.
        const body = await deps.storage.read(key, part).catch(() => {
          throw new AppError("not_found", "This video's file is missing from storage");
        });
        reply.type(type).header("etag", etag).header("cache-control", CACHE);
        if (!part) return reply.header("content-length", size).send(body);
        return reply
          .status(206)
          .header("content-range", `bytes ${part.start}-${part.end}/${size}`)
          .header("content-length", part.end - part.start + 1)
          .send(body);
      },
    );

    r.put(
      "/api/v1/recordings/:id/poster",
      { schema: { tags, params, consumes: [...POSTER_TYPES], response: replies({ 204: noContent }) } },
      async (request, reply) => {
        const length = Number(request.headers["content-length"]);
        const raw = request.body instanceof RawBody ? request.body.stream : undefined;
        await setPoster(
          deps,
          requireActor(request),
          request.params.id,
          raw && { stream: raw, declaredLength: Number.isFinite(length) ? length : undefined },
        );
        return reply.status(204).send();
      },
    );

    r.get(
      "/api/v1/recordings/:id/poster",
      { schema: { tags, params, response: { ...replies({}), 200: poster } } },
      async (request, reply) => {
        const { body, type } = await posterOf(deps, requireActor(request), request.params.id);
        return reply.type(type).header("cache-control", CACHE).send(body);
      },
    );
  });
}
