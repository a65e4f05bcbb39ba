import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Deps } from "./deps";
import { MODULES } from "./modules";
import { installAuth } from "./modules/auth";
import { registerEventStream } from "./platform/events/stream";
import { installAbortGuard } from "./platform/http/abort-guard";
import { installErrorHandler } from "./platform/http/error-handler";
import { loggerOptions } from "./platform/http/logging";
import { installNulGuard } from "./platform/http/nul-guard";
import { registerObservability } from "./platform/http/observability";
import { sharedRateLimitStore } from "./platform/http/rate-limit-store";
import { fastifyTrustProxy } from "./platform/http/trust-proxy";
import { registerWebApp } from "./platform/http/web-app";
import { storageOrigins } from "./platform/storage";

declare module "fastify" {
  interface FastifyInstance {
    /** "METHOD /path" of every registered route; the route-matrix test checks each has a row. */
    routeTable: string[];
    /** "METHOD /path" → its `schema.response` (status → schema); the route-matrix test checks each declares one. */
    routeResponses: Map<string, Record<string, unknown> | undefined>;
  }
}

export interface AppOptions {
  logger?: boolean;
  /** Serve the built SPA from this directory (default: dist/web when built). */
  webDir?: string;
}

/** Builds the HTTP application around its dependencies; tests call this and use app.inject. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(deps.config.logLevel),
    genReqId: () => randomUUID(),
    trustProxy: fastifyTrustProxy(deps.config.trustProxy),
    bodyLimit: 1024 * 1024,
  });
  const routeTable: string[] = [];
  const routeResponses = new Map<string, Record<string, unknown> | undefined>();
  app.decorate("routeTable", routeTable);
  app.decorate("routeResponses", routeResponses);
  app.addHook("onRoute", (route) => {
    const response = route.schema?.response as Record<string, unknown> | undefined;
    for (const method of [route.method].flat()) {
      routeTable.push(`${method} ${route.url}`);
      routeResponses.set(`${method} ${route.url}`, response);
    }
  });
  installAbortGuard(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installNulGuard(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Mantine injects CSS variables at runtime
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        // The recorder reads a chosen file's length and makes poster frames from a local copy (blob: URLs);
        // from S3, videos play from signed URLs on the store's origin.
        mediaSrc: ["'self'", "blob:", ...storageOrigins(deps.config)],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    max: deps.config.rateLimitPerMinute,
    timeWindow: "1 minute",
    ...rateLimitStore(app, deps),
  });
  await app.register(swagger, {
    openapi: { info: { title: "Tandem API", version: "1" } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list" } });
  app.get("/api/openapi.json", { schema: { hide: true }, config: { access: "public" } }, () => app.swagger());

  installAuth(app, deps);
  registerObservability(app, { database: deps.database, metricsToken: deps.config.metricsToken });
  for (const module of MODULES) for (const register of module.routes) await register(app, deps);
  registerEventStream(app, deps.events);
  await registerWebApp(app, options.webDir);
  return app;
}

/**
 * On PostgreSQL the rate limit is counted in the database, so it holds across instances; a failing
 * count lets the request through (the database being away is answered by the request itself). PGlite
 * serves one process: the plugin's in-memory count is exact there and costs no statement.
 */
function rateLimitStore(app: FastifyInstance, deps: Deps) {
  if (deps.database.kind !== "postgres") return {};
  const shared = sharedRateLimitStore(deps.db, () => deps.clock.now().getTime());
  app.addHook("onClose", async () => shared.close());
  return { store: shared.Store, skipOnError: true };
}
