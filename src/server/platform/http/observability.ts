import type { FastifyInstance } from "fastify";
import client from "prom-client";
import type { Database } from "../db/types";

/** /healthz (process up), /readyz (database answers within 2 s), /metrics (Prometheus text). */
export function registerObservability(app: FastifyInstance, database: Database): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "tandem_" });
  const duration = new client.Histogram({
    name: "tandem_http_request_duration_seconds",
    help: "HTTP request duration by route and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook("onResponse", async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? "unmatched",
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  const hidden = { hide: true };
  app.get("/healthz", { schema: hidden, config: { access: "public" } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: hidden, config: { access: "public" } }, async (_request, reply) => {
    const timeout = new Promise<never>((_, reject) => {
      setTimeout(() => reject(new Error("database did not answer within 2 s")), 2000).unref();
    });
    try {
      await Promise.race([database.ping(), timeout]);
      return { status: "ready", database: database.kind };
    } catch (err) {
      return reply.status(503).send({ status: "unavailable", reason: (err as Error).message });
    }
  });
  app.get("/metrics", { schema: hidden, config: { access: "public" } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
