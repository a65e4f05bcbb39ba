import type { FastifyReply, FastifyRequest } from "fastify";
import type { ErrorBody } from "../../../contracts/errors";

/** How long a client should wait before retrying while the database is unreachable. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** 503 with Retry-After: the request may well succeed once the database is back, so say so. */
export function answerDatabaseOutage(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  request.log.warn("database unreachable; answered 503");
  const body: ErrorBody = {
    error: {
      code: "service_unavailable",
      message: "Tandem cannot reach its database right now; try again in a few seconds",
      requestId: request.id,
    },
  };
  return reply.status(503).header("retry-after", String(OUTAGE_RETRY_AFTER_SECONDS)).send(body);
}
