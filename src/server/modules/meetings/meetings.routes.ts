import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  createMeetingBody,
  meetingCreated,
  meetingList,
  meetingListQuery,
  meetingLoadQuery,
  meetingLoadView,
  meetingParams,
  meetingUpdated,
  oneMeeting,
  rsvpBody,
  updateMeetingBody,
} from "../../../contracts/meetings";
import { personParams } from "../../../contracts/people";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { noContent, replies } from "../../platform/http/replies";
import { createMeeting } from "./create.service";
import { meetingLoad } from "./load.service";
import { answerMeeting, cancelMeeting, getMeeting, listMeetings, updateMeeting } from "./meetings.service";

/** Meetings themselves: create, list, read, change, cancel, RSVP; a person's meeting load (issue 11). */
export function registerMeetingRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["meetings"];
  r.post(
    "/api/v1/meetings",
    { schema: { tags, body: createMeetingBody, response: replies({ 201: meetingCreated }) } },
    async (request, reply) =>
      reply.status(201).send(await createMeeting(deps, requireActor(request), request.body)),
  );
  r.get(
    "/api/v1/meetings",
    { schema: { tags, querystring: meetingListQuery, response: replies({ 200: meetingList }) } },
    async (request) => ({ meetings: await listMeetings(deps, requireActor(request), request.query) }),
  );
  r.get(
    "/api/v1/meetings/:id",
    { schema: { tags, params: meetingParams, response: replies({ 200: oneMeeting }) } },
    async (request) => ({ meeting: await getMeeting(deps, requireActor(request), request.params.id) }),
  );
  r.patch(
    "/api/v1/meetings/:id",
    {
      schema: {
        tags,
        params: meetingParams,
        body: updateMeetingBody,
        response: replies({ 200: meetingUpdated }),
      },
    },
    async (request) => updateMeeting(deps, requireActor(request), request.params.id, request.body),
  );
  r.delete(
    "/api/v1/meetings/:id",
    { schema: { tags, params: meetingParams, response: replies({ 204: noContent }) } },
    async (request, reply) => {
      await cancelMeeting(deps, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
  r.put(
    "/api/v1/meetings/:id/rsvp",
    { schema: { tags, params: meetingParams, body: rsvpBody, response: replies({ 200: oneMeeting }) } },
    async (request) => ({
      meeting: await answerMeeting(deps, requireActor(request), request.params.id, request.body.response),
    }),
  );
  r.get(
    "/api/v1/people/:id/meeting-load",
    {
      schema: {
        tags,
        params: personParams,
        querystring: meetingLoadQuery,
        response: replies({ 200: meetingLoadView }),
      },
    },
    async (request) => meetingLoad(deps, requireActor(request), request.params.id, request.query.weeks),
  );
}
