import type { ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { eventStreamHeaders } from "../../../contracts/events";
import { requireActor } from "../http/actor";
import { replies } from "../http/replies";
import type { LiveEvents, StoredEvent } from "./live-events";

const HEARTBEAT_MS = 20_000;
/** How long EventSource waits before reconnecting (it then sends Last-Event-ID). */
const RETRY_MS = 3000;

/**
 * The stream's 200, declared by media type so `/api/openapi.json` shows text/event-stream for it
 * (and JSON for the errors, which are answered before the stream starts). The serializer never runs
 * on it: the handler hijacks the reply and writes the stream itself.
 */
const eventStream = {
  description:
    "Server-Sent Events: `id: <seq>` and `data: <LiveEvent as JSON>` per message, heartbeats between",
  content: { "text/event-stream": { schema: z.string() } },
};

const format = ({ seq, event }: StoredEvent) => `id: ${seq}\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * `GET /api/v1/events`: a Server-Sent Events stream of the live events the caller may see.
 * Open streams are ended before the server closes, so `app.close()` never waits on them.
 */
export function registerEventStream(app: FastifyInstance, events: LiveEvents): void {
  const open = new Set<ServerResponse>();
  app.addHook("preClose", async () => {
    for (const response of open) response.end();
  });
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/events",
    {
      schema: {
        tags: ["events"],
        summary: "Live events (text/event-stream); resumes after the Last-Event-ID header",
        headers: eventStreamHeaders,
        querystring: z.strictObject({}),
        response: { ...replies({}), 200: eventStream },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const lastEventId = request.headers["last-event-id"];
      reply.hijack();
      const response = reply.raw;
      for (const [name, value] of Object.entries(reply.getHeaders()))
        if (value !== undefined) response.setHeader(name, value);
      response.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        "x-accel-buffering": "no",
      });
      response.write(`retry: ${RETRY_MS}\n\n`);
      open.add(response);
      const subscription = events.subscribe(
        actor,
        lastEventId === undefined ? undefined : Number(lastEventId),
        (event) => response.write(format(event)),
      );
      const heartbeat = setInterval(() => response.write(": heartbeat\n\n"), HEARTBEAT_MS);
      response.on("close", () => {
        clearInterval(heartbeat);
        subscription.stop();
        open.delete(response);
      });
      // Could not read the missed events: end, and the client reconnects with the same Last-Event-ID.
      subscription.ready.catch(() => response.end());
    },
  );
}
