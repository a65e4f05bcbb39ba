import { DrizzleQueryError } from "drizzle-orm/errors";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ErrorBody, ErrorCode } from "../../../contracts/errors";
import { fieldSentence } from "../../../contracts/field-words";
import { isDatabaseUnavailable } from "../db/errors";
import { AppError } from "../errors";
import { answerDatabaseOutage } from "./outage";
import { type FieldProblem, schemaProblem } from "./validation-text";

/** One error shape for every failure: { error: { code, message, requestId, details? } }. 5xx never leak internals. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const send = (status: number, code: ErrorCode, message: string, details?: unknown) => {
      const body: ErrorBody = { error: { code, message, requestId: request.id } };
      if (details !== undefined) body.error.details = details;
      return reply.status(status).send(body);
    };
    if (isDatabaseUnavailable(err)) return answerDatabaseOutage(request, reply);
    if (err instanceof AppError) {
      const retryAfter = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retryAfter) reply.header("retry-after", String(retryAfter));
      const fields = fieldProblemsOf(err);
      if (fields)
        return send(err.status, err.code, summaryOf(fields), { ...(err.details as object), fields });
      return send(err.status, err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => schemaProblem(err.validationContext, v));
      return send(400, "validation_failed", summaryOf(fields), { fields });
    }
    if (
      err.code === "FST_ERR_CTP_INVALID_JSON_BODY" ||
      (err.statusCode === 400 && err instanceof SyntaxError)
    ) {
      return send(400, "malformed_json", "The request body is not valid JSON");
    }
    if (err.code === "FST_ERR_CTP_EMPTY_JSON_BODY") {
      return send(400, "malformed_json", "The request body is empty; send a JSON object");
    }
    if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE")
      return send(413, "payload_too_large", "The request body is too large");
    if (err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return send(415, "unsupported_media_type", "Send the body as application/json");
    }
    if (err.statusCode === 429)
      return send(429, "too_many_requests", "Too many requests; wait and try again");
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(err.statusCode, "validation_failed", err.message);
    }
    request.log.error({ err: loggable(err) }, "unhandled error");
    return send(
      500,
      "internal",
      "Something went wrong on our side; try again, and tell an admin if it persists",
    );
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: {
        code: "not_found",
        message: `No route ${request.method} ${request.url}`,
        requestId: request.id,
      },
    };
    return reply.status(404).send(body);
  });
}

/**
 * A failed query's message and `params` carry the values sent (tokens, emails, note bodies), and
 * the driver's `detail` may repeat them ("Key (email)=(…)"): log the query text and the database's
 * own code and message instead.
 */
function loggable(err: Error): Error {
  if (!(err instanceof DrizzleQueryError)) return err;
  const cause = err.cause as { message?: string; code?: string; constraint?: string } | undefined;
  const safe = new Error(`Failed query: ${err.query}`);
  const frames = err.stack?.indexOf("\n    at ") ?? -1;
  safe.name = "DrizzleQueryError";
  safe.stack = `DrizzleQueryError: ${safe.message}${frames >= 0 ? err.stack?.slice(frames) : ""}`;
  safe.cause = cause && { message: cause.message, code: cause.code, constraint: cause.constraint };
  return safe;
}

/** A service's `validation_failed` naming fields by path: each message said as a sentence in words. */
function fieldProblemsOf(err: AppError): FieldProblem[] | undefined {
  const fields = (err.details as { fields?: unknown } | undefined)?.fields;
  if (err.code !== "validation_failed" || !Array.isArray(fields)) return undefined;
  return (fields as FieldProblem[]).map((f) => ({ path: f.path, message: fieldSentence(f.path, f.message) }));
}

const summaryOf = (fields: FieldProblem[]) =>
  fields.map((f) => (/[.!?]$/.test(f.message) ? f.message.slice(0, -1) : f.message)).join("; ");
