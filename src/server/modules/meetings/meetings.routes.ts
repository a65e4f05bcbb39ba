import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";

/** Meetings themselves: create, list, read, change, cancel, RSVP (issue 11). */
export function registerMeetingRoutes(_app: FastifyInstance, _deps: Deps): void {}
