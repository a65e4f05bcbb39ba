import type { FastifyRequest } from "fastify";
import type { Role } from "../../../contracts/common";
import { type Action, type Facts, may, whoMay } from "../../../core/access";
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

/**
 * Throws 403 unless the access map (`core/access.ts`, the one place for role rules) lets the actor
 * do `action`, given the relationships that hold: `authorize(actor, "calendars.manage", { self })`.
 * The message names who may: "Only owners, admins or HR may create policies".
 */
export function authorize<A extends Action>(actor: Actor, action: A, facts?: Facts<A>): void {
  if (!may(actor, action, facts)) throw new AppError("forbidden", whoMay(action));
}
