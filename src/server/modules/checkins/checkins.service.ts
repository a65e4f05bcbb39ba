import { and, eq, notInArray } from "drizzle-orm";
import type {
  CheckinView,
  CreateCheckinBody,
  QuestionBody,
  TemplateView,
  UpdateCheckinBody,
} from "../../../contracts/checkins";
import { holdsRole, may } from "../../../core/access";
import { TEMPLATES } from "../../../core/checkins";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { invalid } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { recordAudit } from "../audit";
import { activePeopleOf } from "../people";
import { assertTeamOf, teamNamesOf } from "../teams";
import { type CheckinAccess, type CheckinRow, checkinFor, isLeadOf } from "./checkin-access";
import { presentCheckin } from "./checkins.present";
import {
  insertQuestions,
  listRows,
  namedIdsOf,
  participantsOf,
  questionColumns,
  setNamedParticipants,
  teamsLedBy,
} from "./checkins.repo";
import { checkinQuestions, checkins } from "./checkins.table";
import { questionsOf } from "./questions.repo";

/** GET /checkins/templates: what a ritual can start from. */
export const listTemplates = (): { templates: TemplateView[] } => ({ templates: [...TEMPLATES] });

/**
 * 403 unless the actor may create a check-in for `teamId` (its lead, or an admin); without a team
 * only admins may. Then 400 naming the field unless the team is the organisation's.
 */
export async function assertMayCreateFor(
  db: Executor,
  actor: Actor,
  teamId: string | null | undefined,
  field = "teamId",
): Promise<void> {
  const leadOf = teamId ? await isLeadOf(db, actor, teamId) : false;
  authorize(actor, "checkin.create", { leadOf });
  if (teamId) await assertTeamOf(db, actor.organisationId, teamId, field);
}

/** 400 unless a ritual has someone to deliver to: a team or at least one named person. */
function assertSomeone(teamId: string | null | undefined, personIds: readonly string[]): void {
  if (!teamId && personIds.length === 0)
    throw invalid("participantIds", "must name at least one person when no team is given");
}

type Filled = Required<
  Pick<CreateCheckinBody, "name" | "schedule" | "windowHours" | "reminder" | "questions">
>;

/** What a create body leaves out, from its template; without one, 400 naming the first missing field. */
function filledFromTemplate(input: CreateCheckinBody): Filled {
  const template = input.templateId ? TEMPLATES.find((t) => t.id === input.templateId) : undefined;
  if (input.templateId && !template) throw invalid("templateId", "is not a template");
  const filled = {
    name: input.name ?? template?.name,
    schedule: input.schedule ?? template?.schedule,
    windowHours: input.windowHours ?? template?.windowHours,
    reminder: input.reminder ?? template?.reminder,
    questions: input.questions ?? template?.questions,
  };
  for (const [field, value] of Object.entries(filled))
    if (value === undefined) throw invalid(field, "must be given, or a templateId");
  return filled as Filled;
}

/** POST /checkins: a ritual for a team and/or named people, from a template or written out. */
export async function createCheckin(
  deps: Deps,
  actor: Actor,
  input: CreateCheckinBody,
): Promise<CheckinView> {
  await assertMayCreateFor(deps.db, actor, input.teamId);
  const filled = filledFromTemplate(input);
  const named = [...new Set(input.participantIds ?? [])];
  assertSomeone(input.teamId, named);
  await activePeopleOf(deps.db, actor.organisationId, named, "participantIds");
  const created = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const [row] = await tx
      .insert(checkins)
      .values({
        organisationId: actor.organisationId,
        name: filled.name,
        teamId: input.teamId ?? null,
        ownerId: actor.personId,
        days: filled.schedule.days,
        localTime: filled.schedule.localTime,
        windowHours: filled.windowHours,
        reminder: filled.reminder,
        templateId: input.templateId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await setNamedParticipants(tx, row, named);
    await insertQuestions(
      tx,
      row,
      filled.questions.map((question, position) => ({ question, position })),
    );
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.personId,
      action: "checkin.created",
      targetType: "checkin",
      targetId: row.id,
      data: { teamId: row.teamId, templateId: row.templateId, questions: filled.questions.length },
    });
    return row;
  });
  return getCheckin(deps, actor, created.id);
}

/** Present rituals the actor may see: a constant number of queries for any number of them. */
async function presentAll(
  db: Executor,
  actor: Actor,
  rows: readonly CheckinRow[],
  led?: ReadonlySet<string>,
): Promise<CheckinView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const teamIds = [...new Set(rows.flatMap((row) => (row.teamId ? [row.teamId] : [])))];
  const [questions, participants, named, teamNames, leads] = await Promise.all([
    questionsOf(db, ids),
    participantsOf(db, actor.organisationId, rows),
    namedIdsOf(db, ids),
    teamNamesOf(db, actor.organisationId, teamIds),
    led ?? teamsLedBy(db, actor.organisationId, actor.personId),
  ]);
  const names = new Map(teamNames.map((team) => [team.id, team.name]));
  return rows.map((row) =>
    presentCheckin(
      row,
      questions.get(row.id) ?? [],
      { all: participants.get(row.id) ?? [], named: named.get(row.id) ?? [] },
      row.teamId ? (names.get(row.teamId) ?? null) : null,
      may(actor, "checkin.manage", {
        leadOf: row.teamId !== null && leads.has(row.teamId),
        authorOf: row.ownerId === actor.personId,
      }),
    ),
  );
}

async function presentOne(db: Executor, actor: Actor, access: CheckinAccess): Promise<CheckinView> {
  const { checkin, facts } = access;
  const led = new Set(facts.leadOf && checkin.teamId ? [checkin.teamId] : []);
  const [view] = await presentAll(db, actor, [checkin], led);
  if (!view) throw new Error("presenting returned nothing");
  return view;
}

/** GET /checkins: those the viewer takes part in or runs; admins see all of the organisation's. */
export async function listCheckins(deps: Deps, actor: Actor): Promise<{ checkins: CheckinView[] }> {
  const all = holdsRole(actor.role, ["admin"]);
  const rows = await listRows(deps.db, actor.organisationId, actor.personId, all);
  return { checkins: await presentAll(deps.db, actor, rows) };
}

/** GET /checkins/:id: 404 to anyone who neither takes part in it nor runs it (admins excepted). */
export async function getCheckin(deps: Deps, actor: Actor, id: string): Promise<CheckinView> {
  return presentOne(deps.db, actor, await checkinFor(deps.db, actor, id));
}

/**
 * Replaces the ritual's questions with `items` in that order: an item with the id of one of its
 * questions updates that question in place (its answers' history stays linked), any other id is a
 * 400, an item without one is new, and questions left out are deleted (occurrences keep their own
 * copy of what they asked).
 */
async function replaceQuestions(
  tx: Executor,
  checkin: CheckinRow,
  items: readonly QuestionBody[],
): Promise<void> {
  const existing = await tx
    .select({ id: checkinQuestions.id })
    .from(checkinQuestions)
    .where(eq(checkinQuestions.checkinId, checkin.id));
  const known = new Set(existing.map((row) => row.id));
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!item.id) return;
    if (!known.has(item.id)) throw invalid(`questions[${i}].id`, "is not a question of this check-in");
    if (seen.has(item.id)) throw invalid(`questions[${i}].id`, "appears twice");
    seen.add(item.id);
  });
  await tx
    .delete(checkinQuestions)
    .where(
      and(
        eq(checkinQuestions.checkinId, checkin.id),
        seen.size > 0 ? notInArray(checkinQuestions.id, [...seen]) : undefined,
      ),
    );
  for (const [position, item] of items.entries())
    if (item.id)
      await tx
        .update(checkinQuestions)
        .set(questionColumns(item, position))
        .where(and(eq(checkinQuestions.checkinId, checkin.id), eq(checkinQuestions.id, item.id)));
  await insertQuestions(
    tx,
    checkin,
    items.flatMap((question, position) => (question.id ? [] : [{ question, position }])),
  );
}

/** PATCH /checkins/:id: those who run it; moving it to another team needs `checkin.create` there. */
export async function updateCheckin(
  deps: Deps,
  actor: Actor,
  id: string,
  input: UpdateCheckinBody,
): Promise<CheckinView> {
  await deps.db.transaction(async (tx) => {
    const { checkin } = await checkinFor(tx, actor, id, "checkin.manage", { forUpdate: true });
    const teamId = input.teamId === undefined ? checkin.teamId : input.teamId;
    if (teamId !== checkin.teamId) await assertMayCreateFor(tx, actor, teamId);
    if (input.participantIds) {
      await activePeopleOf(tx, actor.organisationId, [...new Set(input.participantIds)], "participantIds");
      await setNamedParticipants(tx, checkin, input.participantIds);
    }
    const named = input.participantIds ?? (await namedIdsOf(tx, [checkin.id])).get(checkin.id) ?? [];
    assertSomeone(teamId, named);
    if (input.questions) await replaceQuestions(tx, checkin, input.questions);
    await tx
      .update(checkins)
      .set({
        name: input.name ?? checkin.name,
        teamId,
        days: input.schedule?.days ?? checkin.days,
        localTime: input.schedule?.localTime ?? checkin.localTime,
        windowHours: input.windowHours ?? checkin.windowHours,
        reminder: input.reminder ?? checkin.reminder,
        paused: input.paused ?? checkin.paused,
        updatedAt: deps.clock.now(),
      })
      .where(and(eq(checkins.id, checkin.id), eq(checkins.organisationId, actor.organisationId)));
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.personId,
      action: "checkin.changed",
      targetType: "checkin",
      targetId: checkin.id,
      data: { fields: Object.keys(input).sort() },
    });
  });
  return getCheckin(deps, actor, id);
}

/** DELETE /checkins/:id: those who run it; its occurrences, answers and blockers go with it. */
export async function deleteCheckin(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { checkin } = await checkinFor(tx, actor, id, "checkin.manage", { forUpdate: true });
    await tx
      .delete(checkins)
      .where(and(eq(checkins.id, checkin.id), eq(checkins.organisationId, actor.organisationId)));
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.personId,
      action: "checkin.deleted",
      targetType: "checkin",
      targetId: checkin.id,
      data: { teamId: checkin.teamId },
    });
  });
}
