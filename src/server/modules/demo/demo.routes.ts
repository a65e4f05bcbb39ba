import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { demoSeededView, demoSignInView } from "../../../contracts/auth";
import type { Deps } from "../../deps";
import { replies } from "../../platform/http/replies";
import { createSession, setSessionCookie } from "../auth";
import { presentOrganisation } from "../organisations";
import { presentPerson } from "../people";
import { assertSetupOpen } from "../setup";
import { findDemoSignIn } from "./demo.repo";
import { seedDemo } from "./demo.service";

/** First run, "explore with demo data": seeds the demo organisation and signs in as its owner. */
export function registerDemoRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["setup"];
  // Public on purpose: the sign-in page shows how to sign in to the demo for as long as it lasts.
  r.get(
    "/api/v1/setup/demo",
    { schema: { tags, response: replies({ 200: demoSignInView }) }, config: { access: "public" } },
    async () => ({ demo: await findDemoSignIn(deps.db) }),
  );
  r.post(
    "/api/v1/setup/demo",
    { schema: { tags, response: replies({ 201: demoSeededView }) }, config: { access: "public" } },
    async (request, reply) => {
      const result = await deps.db.transaction(async (tx) => {
        await assertSetupOpen(tx, false);
        const seeded = await seedDemo({ ...deps, db: tx });
        return { seeded, session: await createSession(tx, seeded.owner, deps.config.sessionDays) };
      });
      setSessionCookie(request, reply, result.session);
      return reply.status(201).send({
        organisation: presentOrganisation(result.seeded.organisation),
        person: presentPerson(result.seeded.owner),
        password: result.seeded.password,
      });
    },
  );
}
