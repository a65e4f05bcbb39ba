import type { FastifyRequest } from "fastify";
import type { Role } from "../../../contracts/common";
import { AppError } from "../errors";

/** Who is acting: resolved from the session cookie or a bearer API token, or named on the command line. */
export interface Actor {
  personId: string;
  organisationId: string;
  role: Role;
  via: "session" | "token" | "cli";
}

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("unauthenticated", "Sign in first, or send an API token");
  return request.actor;
}

/** Whether the actor holds one of `roles` (owner counts as admin). */
export const hasRole = (actor: Actor, roles: readonly Role[]): boolean =>
  roles.includes(actor.role) || (actor.role === "owner" && roles.includes("admin"));

/** Throws 403 unless the actor holds one of `roles` (owner counts as admin). */
export function requireRole(actor: Actor, roles: readonly Role[], what: string): void {
  if (!hasRole(actor, roles)) {
    throw new AppError("forbidden", `Only ${roles.join(" or ")} may ${what}`);
  }
}
