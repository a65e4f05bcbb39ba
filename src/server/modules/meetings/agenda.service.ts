import { and, asc, count, eq, max, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  type AgendaItemInput,
  type AgendaItemView,
  MAX_AGENDA_ITEMS,
  type updateAgendaItemBody,
} from "../../../contracts/meetings";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { AppError, conflict, invalid, notFound } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import {
  assertNotCancelled,
  type MeetingAccess,
  meetingFor,
  peopleOf,
  publishMeetingChanged,
} from "./meeting-access";
import { agendaItems } from "./meetings.table";

export type AgendaItemRow = typeof agendaItems.$inferSelect;
type AgendaItemPatch = z.infer<typeof updateAgendaItemBody>;

export const INFORM_NUDGE = "This item only informs: an async update reaches people without a meeting";
const OWNER_RULE = "must be the organiser or one of the attendees";

export const presentAgendaItem = (row: AgendaItemRow): AgendaItemView => ({
  id: row.id,
  meetingId: row.meetingId,
  position: row.position,
  title: row.title,
  ownerId: row.ownerId,
  minutes: row.minutes,
  outcome: row.outcome,
  notes: row.notes,
  status: row.status,
  carriedFrom: row.carriedFrom,
});

/** A meeting's agenda in order. */
export async function agendaOf(db: Executor, organisationId: string, meetingId: string) {
  const rows = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.organisationId, organisationId), eq(agendaItems.meetingId, meetingId)))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
  return rows.map(presentAgendaItem);
}

/** The item as written, with the nudge when it only informs. */
const answer = (row: AgendaItemRow, nudge: boolean) => ({
  item: presentAgendaItem(row),
  ...(nudge ? { nudge: INFORM_NUDGE } : {}),
});

/** The meeting locked for a change of its agenda: 404 unless its person, 409 once cancelled. */
async function writableMeeting(tx: Executor, actor: Actor, meetingId: string): Promise<MeetingAccess> {
  const access = await meetingFor(tx, actor, meetingId, "meeting.contribute", { forUpdate: true });
  assertNotCancelled(access.meeting, "its agenda can no longer change");
  return access;
}

/** An item's meeting, writable by the actor; "Agenda item not found" to anyone who may not see it. */
async function meetingOfItem(tx: Executor, actor: Actor, itemId: string): Promise<MeetingAccess> {
  const [item] = await tx
    .select({ meetingId: agendaItems.meetingId })
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.organisationId, actor.organisationId)));
  if (!item) throw notFound("Agenda item");
  try {
    return await writableMeeting(tx, actor, item.meetingId);
  } catch (err) {
    throw err instanceof AppError && err.code === "not_found" ? notFound("Agenda item") : err;
  }
}

const itemWhere = (access: MeetingAccess, itemId: string) =>
  and(
    eq(agendaItems.id, itemId),
    eq(agendaItems.organisationId, access.meeting.organisationId),
    eq(agendaItems.meetingId, access.meeting.id),
  );

function assertOwner(access: MeetingAccess, ownerId: string | null | undefined, field: string): void {
  if (ownerId && !peopleOf(access).includes(ownerId)) throw invalid(field, OWNER_RULE);
}

/**
 * Appends items to a meeting's agenda (inside the caller's transaction, the meeting locked): each
 * owner must be its organiser or an attendee (400 naming the item), at most MAX_AGENDA_ITEMS in all.
 */
export async function insertAgenda(
  tx: Executor,
  access: MeetingAccess,
  items: readonly (AgendaItemInput & { carriedFrom?: string | null })[],
  ownerField: (index: number) => string = (i) => `agenda[${i}].ownerId`,
): Promise<AgendaItemRow[]> {
  for (const [i, item] of items.entries()) assertOwner(access, item.ownerId, ownerField(i));
  const { id: meetingId, organisationId } = access.meeting;
  const [stats] = await tx
    .select({ n: count(), last: max(agendaItems.position) })
    .from(agendaItems)
    .where(and(eq(agendaItems.organisationId, organisationId), eq(agendaItems.meetingId, meetingId)));
  if ((stats?.n ?? 0) + items.length > MAX_AGENDA_ITEMS)
    throw conflict(`An agenda has at most ${MAX_AGENDA_ITEMS} items; remove one before adding another`);
  if (items.length === 0) return [];
  const first = (stats?.last ?? -1) + 1;
  const rows = await tx
    .insert(agendaItems)
    .values(
      items.map((item, i) => ({
        meetingId,
        organisationId,
        position: first + i,
        title: item.title,
        ownerId: item.ownerId ?? null,
        minutes: item.minutes ?? null,
        outcome: item.outcome,
        carriedFrom: item.carriedFrom ?? null,
      })),
    )
    .returning();
  return rows.sort((a, b) => a.position - b.position);
}

export async function addAgendaItem(deps: Deps, actor: Actor, meetingId: string, input: AgendaItemInput) {
  return deps.db.transaction(async (tx) => {
    const access = await writableMeeting(tx, actor, meetingId);
    const [row] = await insertAgenda(tx, access, [input], () => "ownerId");
    if (!row) throw new Error("insert returned no row");
    await publishMeetingChanged(tx, deps, access);
    return answer(row, input.outcome === "inform");
  });
}

export async function updateAgendaItem(deps: Deps, actor: Actor, itemId: string, patch: AgendaItemPatch) {
  return deps.db.transaction(async (tx) => {
    const access = await meetingOfItem(tx, actor, itemId);
    assertOwner(access, patch.ownerId, "ownerId");
    const set: Partial<typeof agendaItems.$inferInsert> = Object.fromEntries(
      Object.entries(patch).filter(([, value]) => value !== undefined),
    );
    const [row] =
      Object.keys(set).length > 0
        ? await tx.update(agendaItems).set(set).where(itemWhere(access, itemId)).returning()
        : await tx.select().from(agendaItems).where(itemWhere(access, itemId));
    if (!row) throw notFound("Agenda item");
    await publishMeetingChanged(tx, deps, access);
    return answer(row, patch.outcome === "inform");
  });
}

export async function deleteAgendaItem(deps: Deps, actor: Actor, itemId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const access = await meetingOfItem(tx, actor, itemId);
    const [row] = await tx
      .delete(agendaItems)
      .where(itemWhere(access, itemId))
      .returning({ id: agendaItems.id });
    if (!row) throw notFound("Agenda item");
    await publishMeetingChanged(tx, deps, access);
  });
}

/** Why `itemIds` is not exactly the agenda, in words, or null when it is. */
function orderProblem(current: AgendaItemRow[], itemIds: string[]): { path: string; message: string } | null {
  const twice = itemIds.findIndex((id, i) => itemIds.indexOf(id) !== i);
  if (twice >= 0) return { path: `itemIds[${twice}]`, message: "appears twice" };
  const known = new Set(current.map((r) => r.id));
  const given = new Set(itemIds);
  const extra = itemIds.filter((id) => !known.has(id));
  const missing = current.filter((r) => !given.has(r.id)).map((r) => `"${r.title}"`);
  const problems = [
    ...(missing.length > 0 ? [`leaves out ${missing.join(", ")}`] : []),
    ...(extra.length > 0 ? [`names what is not on this agenda (${extra.join(", ")})`] : []),
  ];
  if (problems.length === 0) return null;
  return {
    path: "itemIds",
    message: `The order ${problems.join(" and ")}; list every item of the agenda exactly once`,
  };
}

/** Rewrites the positions in one statement: `itemIds` must name each item of the agenda exactly once. */
export async function reorderAgenda(deps: Deps, actor: Actor, meetingId: string, itemIds: string[]) {
  return deps.db.transaction(async (tx) => {
    const access = await writableMeeting(tx, actor, meetingId);
    const where = and(
      eq(agendaItems.organisationId, actor.organisationId),
      eq(agendaItems.meetingId, meetingId),
    );
    const current = await tx.select().from(agendaItems).where(where);
    const problem = orderProblem(current, itemIds);
    if (problem) throw invalid(problem.path, problem.message);
    if (itemIds.length > 0) {
      const order = sql`array[${sql.join(
        itemIds.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[]`;
      await tx
        .update(agendaItems)
        .set({ position: sql`array_position(${order}, ${agendaItems.id}) - 1` })
        .where(where);
    }
    const agenda = await agendaOf(tx, actor.organisationId, meetingId);
    await publishMeetingChanged(tx, deps, access);
    return agenda;
  });
}
