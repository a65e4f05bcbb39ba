import { and, asc, eq, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ActionItemView, decisionView } from "../../../contracts/meetings";
import type { Executor } from "../../platform/db/types";
import { updates } from "../updates";
import type { MeetingRow } from "./meeting-access";
import { actionItems, meetingDecisions, meetings } from "./meetings.table";

type DecisionRow = typeof meetingDecisions.$inferSelect;
type ActionItemRow = typeof actionItems.$inferSelect;
export type DecisionView = z.infer<typeof decisionView>;

export const presentDecision = (row: DecisionRow): DecisionView => ({
  id: row.id,
  text: row.text,
  agendaItemId: row.agendaItemId,
  supersedes: row.supersedes,
  recordedBy: row.recordedBy,
  createdAt: row.createdAt.toISOString(),
});

export const presentActionItem = (row: ActionItemRow, meetingTitle: string): ActionItemView => ({
  id: row.id,
  meetingId: row.meetingId,
  updateId: row.updateId,
  meetingTitle,
  text: row.text,
  ownerId: row.ownerId,
  due: row.due,
  status: row.status,
  createdAt: row.createdAt.toISOString(),
  carriedFrom: row.carriedFrom,
});

/** A meeting's decisions, oldest first: for its page and its recap. */
export async function decisionsOf(executor: Executor, meeting: MeetingRow): Promise<DecisionView[]> {
  const rows = await executor
    .select()
    .from(meetingDecisions)
    .where(
      and(
        eq(meetingDecisions.organisationId, meeting.organisationId),
        eq(meetingDecisions.meetingId, meeting.id),
      ),
    )
    .orderBy(asc(meetingDecisions.createdAt), asc(meetingDecisions.id));
  return rows.map(presentDecision);
}

const OLDEST_FIRST = [asc(actionItems.createdAt), asc(actionItems.id)];

/**
 * The organisation's action items that `where` picks, each with its meeting's or thread's title; oldest first
 * unless `order` says otherwise, at most `limit`.
 */
export async function actionItemsWhere(
  executor: Executor,
  organisationId: string,
  where: SQL | undefined,
  options: { order?: SQL[]; limit?: number } = {},
): Promise<ActionItemView[]> {
  // An item comes from a meeting or a thread: both joined (left), the title from whichever it is.
  const query = executor
    .select({ item: actionItems, title: sql<string>`coalesce(${meetings.title}, ${updates.title})` })
    .from(actionItems)
    .leftJoin(
      meetings,
      and(eq(meetings.id, actionItems.meetingId), eq(meetings.organisationId, organisationId)),
    )
    .leftJoin(updates, and(eq(updates.id, actionItems.updateId), eq(updates.organisationId, organisationId)))
    .where(
      and(
        eq(actionItems.organisationId, organisationId),
        or(isNotNull(meetings.id), isNotNull(updates.id)),
        where,
      ),
    )
    .orderBy(...(options.order ?? OLDEST_FIRST))
    .$dynamic();
  const rows = await (options.limit === undefined ? query : query.limit(options.limit));
  return rows.map((r) => presentActionItem(r.item, r.title));
}
