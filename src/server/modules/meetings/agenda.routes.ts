import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  agendaItemAnswer,
  agendaItemBody,
  agendaOrderBody,
  agendaView,
  meetingParams,
  notesBody,
  notesView,
  oneTemplate,
  privateNotesBody,
  privateNotesView,
  templateBody,
  templateList,
  updateAgendaItemBody,
} from "../../../contracts/meetings";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { noContent, replies } from "../../platform/http/replies";
import { addAgendaItem, deleteAgendaItem, reorderAgenda, updateAgendaItem } from "./agenda.service";
import { createTemplate, listTemplates } from "./agenda.templates";
import { myPrivateNotes, saveNotes, savePrivateNotes } from "./notes.service";

/** Agenda items and order, shared and private notes, templates. */
export function registerAgendaRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["meetings"];
  const params = meetingParams;

  r.post(
    "/api/v1/meetings/:id/agenda-items",
    { schema: { tags, params, body: agendaItemBody, response: replies({ 201: agendaItemAnswer }) } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addAgendaItem(deps, requireActor(request), request.params.id, request.body)),
  );
  r.patch(
    "/api/v1/agenda-items/:id",
    { schema: { tags, params, body: updateAgendaItemBody, response: replies({ 200: agendaItemAnswer }) } },
    async (request) => updateAgendaItem(deps, requireActor(request), request.params.id, request.body),
  );
  r.delete(
    "/api/v1/agenda-items/:id",
    { schema: { tags, params, response: replies({ 204: noContent }) } },
    async (request, reply) => {
      await deleteAgendaItem(deps, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
  r.put(
    "/api/v1/meetings/:id/agenda-order",
    { schema: { tags, params, body: agendaOrderBody, response: replies({ 200: agendaView }) } },
    async (request) => ({
      agenda: await reorderAgenda(deps, requireActor(request), request.params.id, request.body.itemIds),
    }),
  );
  r.put(
    "/api/v1/meetings/:id/notes",
    { schema: { tags, params, body: notesBody, response: replies({ 200: notesView }) } },
    async (request) => ({
      notes: await saveNotes(deps, requireActor(request), request.params.id, request.body),
    }),
  );
  r.get(
    "/api/v1/meetings/:id/private-notes",
    { schema: { tags, params, response: replies({ 200: privateNotesView }) } },
    async (request) => ({
      privateNotes: await myPrivateNotes(deps, requireActor(request), request.params.id),
    }),
  );
  r.put(
    "/api/v1/meetings/:id/private-notes",
    { schema: { tags, params, body: privateNotesBody, response: replies({ 200: privateNotesView }) } },
    async (request) => ({
      privateNotes: await savePrivateNotes(deps, requireActor(request), request.params.id, request.body.body),
    }),
  );
  r.get(
    "/api/v1/meeting-templates",
    { schema: { tags, response: replies({ 200: templateList }) } },
    async (request) => ({ templates: await listTemplates(deps, requireActor(request)) }),
  );
  r.post(
    "/api/v1/meeting-templates",
    { schema: { tags, body: templateBody, response: replies({ 201: oneTemplate }) } },
    async (request, reply) =>
      reply.status(201).send({ template: await createTemplate(deps, requireActor(request), request.body) }),
  );
}
