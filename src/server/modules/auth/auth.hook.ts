import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";
import { safeEqual } from "../../platform/crypto";
import { AppError } from "../../platform/errors";
import { resolveApiToken, resolveSession, SESSION_COOKIE } from "./sessions";

declare module "fastify" {
  interface FastifyContextConfig {
    /** "public" routes need no sign-in and carry no CSRF token (setup, login, invitation acceptance). */
    access?: "public";
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves who is calling, on every request: a bearer API token (no CSRF), else the session
 * cookie, whose non-GET requests must echo the session's CSRF token in `x-csrf-token`.
 */
export function installAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (request) => {
    // Only the /api/v1 surface needs a caller; health, metrics, docs and the SPA are public.
    // Judged by the matched route's pattern: the raw URL may be percent-encoded (/%61pi/v1/…).
    const route = request.routeOptions.url;
    const isPublic = request.routeOptions.config.access === "public" || !route?.startsWith("/api/v1/");
    // Outside /api/ a Bearer header is not an API token (/metrics checks its own).
    const bearer =
      route?.startsWith("/api/") && request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) {
      request.actor = await resolveApiToken(deps.db, bearer);
      if (!request.actor)
        throw new AppError("unauthenticated", "The API token is not valid; create a new one");
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    const session = cookie ? await resolveSession(deps.db, cookie) : null;
    if (session) {
      request.actor = session.actor;
      const sent = request.headers["x-csrf-token"];
      if (
        !SAFE_METHODS.has(request.method) &&
        !isPublic &&
        !(typeof sent === "string" && safeEqual(sent, session.csrfToken))
      ) {
        throw new AppError(
          "csrf_failed",
          "Missing or wrong x-csrf-token header; fetch one from GET /api/v1/auth/csrf",
        );
      }
    }
    if (!isPublic && !request.actor)
      throw new AppError("unauthenticated", "Sign in first, or send an API token");
  });
}

export async function csrfTokenFor(deps: Deps, cookie: string | undefined): Promise<string | null> {
  const session = cookie ? await resolveSession(deps.db, cookie) : null;
  return session?.csrfToken ?? null;
}
