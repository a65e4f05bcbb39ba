import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";

/** The recordings API (issue 14): see the contract in `contracts/recordings.ts`. */
export async function recordingRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
