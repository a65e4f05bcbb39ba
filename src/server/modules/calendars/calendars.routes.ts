import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  busyView,
  calendarBusyView,
  calendarParams,
  calendarView,
  createCalendarBody,
  feedView,
  focusBlocksBody,
  focusView,
  replaceCalendarBody,
} from "../../../contracts/calendars";
import { personParams, windowQuery } from "../../../contracts/people";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { noContent, replies } from "../../platform/http/replies";
import { calendarBusy, personBusy } from "./busy.service";
import {
  createCalendar,
  deleteCalendar,
  listCalendars,
  replaceCalendar,
  retryCalendar,
} from "./calendars.service";
import { myCalendarFeed, renderFeed, rotateCalendarFeed } from "./feed.service";
import { getFocusBlocks, setFocusBlocks } from "./focus.service";

export function registerCalendarRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["calendars"];
  const base = "/api/v1/people/:id";
  // JSON escaping of line breaks makes the body larger than the file: leave room, then the
  // service checks the file itself against ICS_MAX_BYTES (413 ics_too_large).
  const bodyLimit = 2 * deps.config.icsMaxBytes + 64 * 1024;
  const oneCalendar = z.object({ calendar: calendarView });
  const focus = replies({ 200: z.object({ focusBlocks: focusView }) });

  r.get(
    `${base}/calendars`,
    {
      schema: {
        tags,
        params: personParams,
        response: replies({ 200: z.object({ calendars: z.array(calendarView) }) }),
      },
    },
    async (request) => ({
      calendars: await listCalendars(deps, requireActor(request), request.params.id),
    }),
  );
  r.post(
    `${base}/calendars`,
    {
      bodyLimit,
      schema: {
        tags,
        params: personParams,
        body: createCalendarBody,
        response: replies({ 201: oneCalendar }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        calendar: await createCalendar(deps, requireActor(request), request.params.id, request.body),
      }),
  );
  r.put(
    `${base}/calendars/:calendarId`,
    {
      bodyLimit,
      schema: {
        tags,
        params: calendarParams,
        body: replaceCalendarBody,
        response: replies({ 200: oneCalendar }),
      },
    },
    async (request) => ({
      calendar: await replaceCalendar(
        deps,
        requireActor(request),
        request.params.id,
        request.params.calendarId,
        request.body,
      ),
    }),
  );
  r.post(
    `${base}/calendars/:calendarId/refresh`,
    { schema: { tags, params: calendarParams, response: replies({ 200: oneCalendar }) } },
    async (request) => ({
      calendar: await retryCalendar(
        deps,
        requireActor(request),
        request.params.id,
        request.params.calendarId,
      ),
    }),
  );
  r.delete(
    `${base}/calendars/:calendarId`,
    { schema: { tags, params: calendarParams, response: replies({ 204: noContent }) } },
    async (request, reply) => {
      await deleteCalendar(deps, requireActor(request), request.params.id, request.params.calendarId);
      return reply.status(204).send();
    },
  );

  r.get(
    `${base}/focus-blocks`,
    { schema: { tags, params: personParams, response: focus } },
    async (request) => ({
      focusBlocks: await getFocusBlocks(deps, requireActor(request), request.params.id),
    }),
  );
  r.put(
    `${base}/focus-blocks`,
    { schema: { tags, params: personParams, body: focusBlocksBody, response: focus } },
    async (request) => ({
      focusBlocks: await setFocusBlocks(deps, requireActor(request), request.params.id, request.body),
    }),
  );
  r.get(
    `${base}/busy`,
    {
      schema: { tags, params: personParams, querystring: windowQuery, response: replies({ 200: busyView }) },
    },
    async (request) => ({
      busy: await personBusy(
        deps,
        requireActor(request),
        request.params.id,
        request.query.from,
        request.query.to,
      ),
    }),
  );
  r.get(
    `${base}/calendar-busy`,
    {
      schema: {
        tags,
        params: personParams,
        querystring: windowQuery,
        response: replies({ 200: calendarBusyView }),
      },
    },
    async (request) =>
      calendarBusy(deps, requireActor(request), request.params.id, request.query.from, request.query.to),
  );

  // POST, not GET: the first call creates the address, and a GET never writes.
  r.post(
    "/api/v1/me/calendar-feed",
    { schema: { tags, response: replies({ 200: feedView }) } },
    async (request) => myCalendarFeed(deps, requireActor(request)),
  );
  r.post(
    "/api/v1/me/calendar-feed/rotate",
    { schema: { tags, response: replies({ 200: feedView }) } },
    async (request) => rotateCalendarFeed(deps, requireActor(request)),
  );
  r.get(
    "/feeds/:secret.ics",
    {
      config: { access: "public" },
      schema: { tags, params: z.strictObject({ secret: z.string().max(200) }), hide: true },
    },
    async (request, reply) => {
      const text = await renderFeed(deps, request.params.secret);
      return reply
        .type("text/calendar; charset=utf-8")
        .header("cache-control", "private, max-age=300")
        .header("content-disposition", 'inline; filename="tandem.ics"')
        .send(text);
    },
  );
}
