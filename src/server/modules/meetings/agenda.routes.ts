import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";

/** Agenda items and order, shared and private notes, templates. */
export function registerAgendaRoutes(_app: FastifyInstance, _deps: Deps): void {}
