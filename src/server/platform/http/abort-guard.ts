import type { FastifyInstance } from "fastify";

const ignore = () => undefined;

/**
 * A client going away mid-body (a reload cutting an upload) destroys its request with an "aborted"
 * error, which Node emits only if the request has an 'error' listener when it checks, a tick later.
 * Readers come and go (a parser, a pipe, a route's stream), so one could have listened at that check
 * and stopped before the emission: an uncaught exception, and the process ends. Every request gets
 * this listener as it arrives, before any hook, parser or handler: the error is then always emitted,
 * to whoever reads the body and to this. Readers still learn of it (their own listener, 'close',
 * `destroyed`); streams they handed the error on to handle it themselves.
 */
export function installAbortGuard(app: FastifyInstance): void {
  app.server.on("request", (request) => request.on("error", ignore));
}
