import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { teamBody, teamMembersBody, teamParams, teamView, updateTeamBody } from "../../../contracts/teams";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { noContent, replies } from "../../platform/http/replies";
import { createTeam, deleteTeam, getTeam, listTeams, renameTeam, setTeamMembers } from "./teams.service";

export function registerTeamRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["teams"];
  const oneTeam = z.object({ team: teamView });
  r.get(
    "/api/v1/teams",
    { schema: { tags, response: replies({ 200: z.object({ teams: z.array(teamView) }) }) } },
    async (request) => ({
      teams: await listTeams(deps, requireActor(request)),
    }),
  );
  r.post(
    "/api/v1/teams",
    { schema: { tags, body: teamBody, response: replies({ 201: oneTeam }) } },
    async (request, reply) =>
      reply.status(201).send({ team: await createTeam(deps, requireActor(request), request.body.name) }),
  );
  r.get(
    "/api/v1/teams/:id",
    { schema: { tags, params: teamParams, response: replies({ 200: oneTeam }) } },
    async (request) => ({
      team: await getTeam(deps, requireActor(request), request.params.id),
    }),
  );
  r.patch(
    "/api/v1/teams/:id",
    { schema: { tags, params: teamParams, body: updateTeamBody, response: replies({ 200: oneTeam }) } },
    async (request) => ({
      team: await renameTeam(deps, requireActor(request), request.params.id, request.body.name),
    }),
  );
  r.delete(
    "/api/v1/teams/:id",
    { schema: { tags, params: teamParams, response: replies({ 204: noContent }) } },
    async (request, reply) => {
      await deleteTeam(deps, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
  r.put(
    "/api/v1/teams/:id/members",
    { schema: { tags, params: teamParams, body: teamMembersBody, response: replies({ 200: oneTeam }) } },
    async (request) => ({
      team: await setTeamMembers(deps, requireActor(request), request.params.id, request.body.members),
    }),
  );
}
