import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Deps } from "./deps";
import { registerAgreementRoutes } from "./modules/agreement";
import { registerAuditRoutes } from "./modules/audit";
import { installAuth, registerAuthRoutes } from "./modules/auth";
import { registerCalendarRoutes } from "./modules/calendars";
import { registerDemoRoutes } from "./modules/demo";
import { registerOnboardingRoutes } from "./modules/onboarding";
import { registerOutboxRoutes } from "./modules/outbox";
import { registerPeopleRoutes } from "./modules/people";
import { registerPolicyRoutes } from "./modules/policies";
import { registerSchedulingRoutes } from "./modules/scheduling";
import { registerSetupRoutes } from "./modules/setup";
import { registerTeamRoutes } from "./modules/teams";
import { installErrorHandler } from "./platform/http/error-handler";
import { loggerOptions } from "./platform/http/logging";
import { installNulGuard } from "./platform/http/nul-guard";
import { registerObservability } from "./platform/http/observability";
import { registerWebApp } from "./platform/http/web-app";

declare module "fastify" {
  interface FastifyInstance {
    /** "METHOD /path" of every registered route; the route-matrix test checks each has a row. */
    routeTable: string[];
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
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  const routeTable: string[] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) routeTable.push(`${method} ${route.url}`);
  });
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
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { max: deps.config.rateLimitPerMinute, timeWindow: "1 minute" });
  await app.register(swagger, {
    openapi: { info: { title: "Tandem API", version: "1" } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list" } });
  app.get("/api/openapi.json", { schema: { hide: true }, config: { access: "public" } }, () => app.swagger());

  installAuth(app, deps);
  registerObservability(app, deps.database);
  registerSetupRoutes(app, deps);
  registerDemoRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerOutboxRoutes(app, deps);
  await registerOnboardingRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerTeamRoutes(app, deps);
  registerAgreementRoutes(app, deps);
  registerPolicyRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerSchedulingRoutes(app, deps);
  await registerWebApp(app, options.webDir);
  return app;
}
