import type { FastifyInstance } from "fastify";
import client from "prom-client";
import type { Database } from "../db/types";
import { metricsAccess } from "./metrics-access";
import { OUTAGE_RETRY_AFTER_SECONDS } from "./outage";

export interface ObservabilityOptions {
  database: Database;
  metricsToken: string | undefined;
}

/** /healthz (process up), /readyz (database answers within 2 s), /metrics (Prometheus text). */
export function registerObservability(app: FastifyInstance, options: ObservabilityOptions): void {
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
  app.get("/readyz", { schema: hidden, config: { access: "public" } }, async (request, reply) => {
    try {
      await answersWithin(options.database, 2000);
      return { status: "ready", database: options.database.kind };
    } catch (err) {
      // The reason goes to the log only: /readyz is public and driver text names hosts and users.
      request.log.warn({ err }, "readiness check: database down");
      reply.header("retry-after", String(OUTAGE_RETRY_AFTER_SECONDS));
      return reply.status(503).send({ status: "unavailable", database: "down" });
    }
  });
  app.get(
    "/metrics",
    { schema: hidden, config: { access: "public" }, onRequest: metricsAccess(options.metricsToken) },
    async (_request, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
}

function answersWithin(database: Database, ms: number): Promise<void> {
  const timeout = new Promise<never>((_, reject) => {
    setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms).unref();
  });
  return Promise.race([database.ping(), timeout]);
}
