import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sessionView, setupBody, setupStatusView } from "../../../contracts/auth";
import type { Deps } from "../../deps";
import { replies } from "../../platform/http/replies";
import { setSessionCookie } from "../auth";
import { countOrganisations, presentOrganisation } from "../organisations";
import { presentPerson } from "../people";
import { setup } from "./setup.service";

export function registerSetupRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["setup"];
  // needsSetup: a fresh instance, which opens on the setup page; open: setup is allowed (also with open signup).
  r.get(
    "/api/v1/setup",
    { schema: { tags, response: replies({ 200: setupStatusView }) }, config: { access: "public" } },
    async () => {
      const needsSetup = (await countOrganisations(deps.db)) === 0;
      return { open: deps.config.openSignup || needsSetup, needsSetup };
    },
  );
  r.post(
    "/api/v1/setup",
    {
      schema: { tags, body: setupBody, response: replies({ 201: sessionView }) },
      config: { access: "public" },
    },
    async (request, reply) => {
      const result = await setup(deps, request.body);
      setSessionCookie(request, reply, result.session);
      return reply.status(201).send({
        organisation: presentOrganisation(result.organisation),
        person: presentPerson(result.person),
      });
    },
  );
}
