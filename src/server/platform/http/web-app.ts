import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

export const WEB_DIST = fileURLToPath(new URL("../../../../dist/web", import.meta.url));

/** Serves the built single-page app; unknown non-API paths get index.html so client routes work. */
export async function registerWebApp(app: FastifyInstance, dir = WEB_DIST): Promise<void> {
  if (!existsSync(dir)) {
    app.log.warn(`web app not built (${dir} missing): run npm run build`);
    return;
  }
  await app.register(fastifyStatic, { root: dir, wildcard: false, index: ["index.html"] });
  app.get("/*", { schema: { hide: true }, config: { access: "public" } }, (request, reply) => {
    if (request.url.startsWith("/api/")) {
      return reply.status(404).send({
        error: {
          code: "not_found",
          message: `No route ${request.method} ${request.url}`,
          requestId: request.id,
        },
      });
    }
    return reply.sendFile("index.html");
  });
}
