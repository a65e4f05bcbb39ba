import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type SsoError,
  ssoBody,
  ssoCallbackQuery,
  ssoLookupQuery,
  ssoLookupView,
  ssoReply,
  ssoStartQuery,
} from "../../../contracts/sso";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { setSessionCookie } from "../auth";
import { organisationForDomain } from "./sso.repo";
import { getSso, saveSso } from "./sso.service";
import { completeSso, recordRefusal, SsoRefusal, startSso } from "./sso-login.service";

const redirect = z.undefined().describe("302 to the identity provider, or back to Tandem");
const signInWith = (reason: SsoError) => `/login?sso_error=${reason}`;

export function registerSsoRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["sso"];

  r.get(
    "/api/v1/organisation/sso",
    { schema: { tags, response: replies({ 200: ssoReply }) } },
    async (request) => ({
      sso: await getSso(deps, requireActor(request)),
    }),
  );

  r.put(
    "/api/v1/organisation/sso",
    { schema: { tags, body: ssoBody, response: replies({ 200: ssoReply }) } },
    async (request) => ({ sso: await saveSso(deps, requireActor(request), request.body, request.ip) }),
  );

  r.get(
    "/api/v1/auth/sso/lookup",
    {
      schema: { tags, querystring: ssoLookupQuery, response: replies({ 200: ssoLookupView }) },
      config: { access: "public" },
    },
    async (request) => {
      const email = request.query.email;
      return {
        organisationId: await organisationForDomain(deps.db, email.slice(email.lastIndexOf("@") + 1)),
      };
    },
  );

  /** Refusals never answer 500: they come back to the sign-in page with a reason it shows as a sentence. */
  const refused = async (err: unknown, ip: string) => {
    if (err instanceof SsoRefusal) {
      await recordRefusal(deps, err, ip).catch((e) => app.log.error(e, "could not audit an SSO refusal"));
      return signInWith(err.reason);
    }
    app.log.error(err, "SSO sign-in failed");
    return signInWith("failed");
  };

  r.get(
    "/api/v1/auth/sso/start",
    {
      schema: { tags, querystring: ssoStartQuery, response: replies({ 302: redirect }) },
      config: { access: "public" },
    },
    async (request, reply) => {
      let location: string;
      try {
        location = await startSso(deps, request.query.organisationId);
      } catch (err) {
        location = await refused(err, request.ip);
      }
      return reply.header("cache-control", "no-store").redirect(location, 302);
    },
  );

  r.get(
    "/api/v1/auth/sso/callback",
    {
      schema: { tags, querystring: ssoCallbackQuery, response: replies({ 302: redirect }) },
      config: { access: "public" },
    },
    async (request, reply) => {
      const search = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
      let location = "/";
      try {
        const { session } = await completeSso(deps, {
          state: request.query.state,
          error: request.query.error,
          search,
          ip: request.ip,
        });
        setSessionCookie(request, reply, session);
      } catch (err) {
        location = await refused(err, request.ip);
      }
      return reply.header("cache-control", "no-store").redirect(location, 302);
    },
  );
}
