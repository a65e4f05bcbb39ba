import type { FastifyRequest } from "fastify";

/** Secrets that travel in URLs (invitation tokens, calendar feed secrets) never reach the logs. */
export const redactUrl = (url: string) => url.replace(/(\/(?:invitations|feeds)\/)[^/?#]+/g, "$1[redacted]");

export function loggerOptions(level: string) {
  return {
    level,
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip,
      }),
    },
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        "*.password",
        "*.token",
      ],
      censor: "[redacted]",
    },
  };
}
