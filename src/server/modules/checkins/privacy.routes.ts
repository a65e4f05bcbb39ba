import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { privacyBody } from "../../../contracts/checkins";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { getPrivacy, setPrivacy } from "./privacy.service";

/** The organisation's minimum group sizes: everyone reads them (pages say them), admins raise them. */
export function privacyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["checkins"];
  const response = replies({ 200: privacyBody });
  r.get("/api/v1/organisation/privacy", { schema: { tags, response } }, async (request) =>
    getPrivacy(deps, requireActor(request)),
  );
  r.put("/api/v1/organisation/privacy", { schema: { tags, body: privacyBody, response } }, async (request) =>
    setPrivacy(deps, requireActor(request), request.body, request.ip),
  );
}
