import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  absenceBody,
  absenceParams,
  absenceView,
  intervalView,
  listPeopleQuery,
  onePerson,
  peoplePage,
  personParams,
  updatePersonBody,
  windowQuery,
  workingPatternBody,
  zoneChangeBody,
  zoneChangeParams,
  zoneChangeView,
} from "../../../contracts/people";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { noContent, replies } from "../../platform/http/replies";
import { getPersonView, listPeople, setWorkingPattern, updatePerson } from "./people.service";
import {
  addAbsence,
  addZoneChange,
  deleteAbsence,
  deleteZoneChange,
  listAbsences,
  listZoneChanges,
} from "./time-off.service";
import { personWorkingTime } from "./working-time.service";

export function registerPeopleRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["people"];
  const base = "/api/v1/people/:id";
  const params = personParams;

  r.get(
    "/api/v1/people",
    { schema: { tags, querystring: listPeopleQuery, response: replies({ 200: peoplePage }) } },
    async (request) => listPeople(deps, requireActor(request), request.query),
  );
  r.get(base, { schema: { tags, params, response: replies({ 200: onePerson }) } }, async (request) => ({
    person: await getPersonView(deps, requireActor(request), request.params.id),
  }));
  r.patch(
    base,
    { schema: { tags, params, body: updatePersonBody, response: replies({ 200: onePerson }) } },
    async (request) => ({
      person: await updatePerson(deps, requireActor(request), request.params.id, request.body, request.ip),
    }),
  );
  r.put(
    `${base}/working-pattern`,
    { schema: { tags, params, body: workingPatternBody, response: replies({ 200: onePerson }) } },
    async (request) => ({
      person: await setWorkingPattern(deps, requireActor(request), request.params.id, request.body),
    }),
  );
  r.get(
    `${base}/working-time`,
    {
      schema: {
        tags,
        params,
        querystring: windowQuery,
        response: replies({ 200: z.object({ intervals: z.array(intervalView) }) }),
      },
    },
    async (request) => ({
      intervals: await personWorkingTime(
        deps,
        requireActor(request),
        request.params.id,
        request.query.from,
        request.query.to,
      ),
    }),
  );

  r.get(
    `${base}/absences`,
    { schema: { tags, params, response: replies({ 200: z.object({ absences: z.array(absenceView) }) }) } },
    async (request) => ({
      absences: await listAbsences(deps, requireActor(request), request.params.id),
    }),
  );
  r.post(
    `${base}/absences`,
    {
      schema: {
        tags,
        params,
        body: absenceBody,
        response: replies({ 201: z.object({ absence: absenceView }) }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ absence: await addAbsence(deps, requireActor(request), request.params.id, request.body) }),
  );
  r.delete(
    `${base}/absences/:absenceId`,
    { schema: { tags, params: absenceParams, response: replies({ 204: noContent }) } },
    async (request, reply) => {
      await deleteAbsence(deps, requireActor(request), request.params.id, request.params.absenceId);
      return reply.status(204).send();
    },
  );

  r.get(
    `${base}/zone-changes`,
    {
      schema: {
        tags,
        params,
        response: replies({ 200: z.object({ zoneChanges: z.array(zoneChangeView) }) }),
      },
    },
    async (request) => ({
      zoneChanges: await listZoneChanges(deps, requireActor(request), request.params.id),
    }),
  );
  r.post(
    `${base}/zone-changes`,
    {
      schema: {
        tags,
        params,
        body: zoneChangeBody,
        response: replies({ 201: z.object({ zoneChange: zoneChangeView }) }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        zoneChange: await addZoneChange(deps, requireActor(request), request.params.id, request.body),
      }),
  );
  r.delete(
    `${base}/zone-changes/:zoneChangeId`,
    { schema: { tags, params: zoneChangeParams, response: replies({ 204: noContent }) } },
    async (request, reply) => {
      await deleteZoneChange(deps, requireActor(request), request.params.id, request.params.zoneChangeId);
      return reply.status(204).send();
    },
  );
}
