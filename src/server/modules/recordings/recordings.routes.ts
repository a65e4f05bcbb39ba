import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";
import { playbackRoutes } from "./playback.routes";
import { settingsRoutes } from "./settings.routes";
import { registerUploadRoutes } from "./upload.routes";

/** The recordings API (issue 14): see the contract in `contracts/recordings.ts`. */
export async function recordingRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await registerUploadRoutes(app, deps);
  await playbackRoutes(app, deps);
  settingsRoutes(app, deps);
}
