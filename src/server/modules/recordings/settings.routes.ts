import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { recordingSettingsBody, recordingSettingsView } from "../../../contracts/recordings";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { getRecordingSettings, setRecordingSettings } from "./settings.service";

/** The organisation's recording settings (admins): how many days video files are kept. */
export function settingsRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["recordings"];
  const response = replies({ 200: recordingSettingsView });
  r.get("/api/v1/organisation/recordings", { schema: { tags, response } }, async (request) =>
    getRecordingSettings(deps, requireActor(request)),
  );
  r.put(
    "/api/v1/organisation/recordings",
    { schema: { tags, body: recordingSettingsBody, response } },
    async (request) => setRecordingSettings(deps, requireActor(request), request.body, request.ip),
  );
}
