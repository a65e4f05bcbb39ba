import type { Readable } from "node:stream";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { calendarFileQuery, calendarParams, calendarView } from "../../../contracts/calendars";
import { personParams } from "../../../contracts/people";
import type { Deps } from "../../deps";
import { AppError } from "../../platform/errors";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { assertIcsSize } from "./calendars.import";
import { createCalendar, replaceCalendar } from "./calendars.service";
import { readFileBody } from "./file-body";

const TEXT_CALENDAR = "text/calendar";

const declaredLength = (request: FastifyRequest): number | undefined => {
  const length = Number(request.headers["content-length"] ?? Number.NaN);
  return Number.isInteger(length) && length >= 0 ? length : undefined;
};

/**
 * A calendar file sent as itself (`Content-Type: text/calendar`), the way the web app and `curl
 * --data-binary @work.ics` send it: its bytes go to the reader's thread as they arrived, with no
 * JSON text or string in between (a 50 MB file costs its 50 MB once). The JSON routes
 * (`{ name, ics }`) stay for clients written against them.
 */
export async function registerCalendarFileRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(async (scoped) => {
    scoped.addContentTypeParser(TEXT_CALENDAR, (request: FastifyRequest, body: Readable) =>
      readFileBody(deps, body, declaredLength(request)),
    );
    const r = scoped.withTypeProvider<ZodTypeProvider>();
    const tags = ["calendars"];
    const base = "/api/v1/people/:id/calendars";
    const oneCalendar = replies({ 200: z.object({ calendar: calendarView }) });
    // Refused before a byte of the body is read: another type, or a file announced over the limit.
    const onRequest = async (request: FastifyRequest) => {
      if (!request.headers["content-type"]?.toLowerCase().startsWith(TEXT_CALENDAR)) {
        throw new AppError(
          "unsupported_media_type",
          "Send the calendar file itself with content-type text/calendar (or JSON { ics } to …/calendars)",
        );
      }
      const length = declaredLength(request);
      if (length !== undefined) assertIcsSize(deps, length);
    };
    const fileOf = (request: FastifyRequest) =>
      request.body instanceof Buffer ? request.body : Buffer.alloc(0);

    r.post(
      `${base}/file`,
      {
        onRequest,
        schema: {
          tags,
          consumes: [TEXT_CALENDAR],
          params: personParams,
          querystring: calendarFileQuery,
          response: replies({ 201: z.object({ calendar: calendarView }) }),
        },
      },
      async (request, reply) => {
        const body = { name: request.query.name, ics: fileOf(request) };
        const calendar = await createCalendar(deps, requireActor(request), request.params.id, body);
        return reply.status(201).send({ calendar });
      },
    );
    r.put(
      `${base}/:calendarId/file`,
      {
        onRequest,
        schema: { tags, consumes: [TEXT_CALENDAR], params: calendarParams, response: oneCalendar },
      },
      async (request) => ({
        calendar: await replaceCalendar(
          deps,
          requireActor(request),
          request.params.id,
          request.params.calendarId,
          {
            ics: fileOf(request),
          },
        ),
      }),
    );
  });
}
