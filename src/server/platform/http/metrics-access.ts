import type { FastifyRequest } from "fastify";
import { safeEqual, sha256 } from "../crypto";
import { AppError } from "../errors";

/**
 * Who may read /metrics: with a token configured, whoever sends it as a Bearer token; without one,
 * only callers on this machine (request.ip honours TANDEM_TRUST_PROXY, so a local proxy does not
 * make every visitor "local").
 */
export function metricsAccess(token: string | undefined) {
  return async (request: FastifyRequest): Promise<void> => {
    if (token) {
      if (!bearerMatches(request.headers.authorization, token)) {
        throw new AppError(
          "unauthenticated",
          "Send Authorization: Bearer <TANDEM_METRICS_TOKEN> to read metrics",
        );
      }
      return;
    }
    if (!isLoopback(request.ip)) {
      throw new AppError(
        "forbidden",
        "Metrics answer only on this machine; set TANDEM_METRICS_TOKEN to read them from elsewhere",
      );
    }
  };
}

/** Compares digests, so neither the token's content nor its length leaks through timing. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/i.exec(header ?? "");
  return match?.[1] !== undefined && safeEqual(sha256(match[1]), sha256(token));
}

export function isLoopback(address: string): boolean {
  const v4 = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  return v4.startsWith("127.") || address === "::1";
}
