import { existsSync } from "node:fs";
import { basename, dirname, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

export const WEB_DIST = fileURLToPath(new URL("../../../../dist/web", import.meta.url));

const IMMUTABLE = "public, max-age=31536000, immutable";
/** Vite names what it emits into assets/ `name-[hash].ext` (hash: 8 base64url characters). */
const HASHED_NAME = /-[A-Za-z0-9_-]{6,}\.[A-Za-z0-9]+$/;

/**
 * Serves the built single-page app; unknown non-API paths get index.html so client routes work.
 * The build writes `.br`/`.gz` beside each text asset and they are sent to clients that accept
 * them; hashed assets are cached for a year, everything else (index.html) is revalidated.
 */
export async function registerWebApp(app: FastifyInstance, dir = WEB_DIST): Promise<void> {
  if (!existsSync(dir)) {
    app.log.warn(`web app not built (${dir} missing): run npm run build`);
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    wildcard: false,
    index: ["index.html"],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => reply.header("cache-control", cacheControlFor(relative(dir, path))),
  });
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

/** `file` is relative to the web root and may be the precompressed variant (`.br`, `.gz`). */
export function cacheControlFor(file: string): string {
  const original = file.replace(/\.(br|gz)$/, "");
  const hashed = dirname(original).split(sep)[0] === "assets" && HASHED_NAME.test(basename(original));
  return hashed ? IMMUTABLE : "no-cache";
}
