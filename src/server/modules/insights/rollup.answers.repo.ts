import { and, eq, gt, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Interval } from "../../../core/time";
import type { Executor } from "../../platform/db/types";
import { checkinAnswers, checkinBlockers, checkinOccurrences } from "../checkins/checkins.table";
import { notifications } from "../notifications/notifications.table";
import { updateComments, updateResponders, updates } from "../updates/updates.table";
import { ms } from "./rollup.instants";

/**
 * The rollup's facts about answers: replies to updates, mentions and blockers, and check-ins delivered
 * and pulses given, each in one query for the batch over the window (see rollup.repo.ts).
 */

/** How far back an unanswered ask is looked for (a mention answered later than this is not a reply). */
export const ASK_LOOKBACK_MS = 35 * 86_400_000;

/** One ask of a person and their answer to it, in epoch milliseconds. */
export interface Reply {
  personId: string;
  askedAt: number;
  answeredAt: number;
}

/**
 * Each time a person was asked and answered inside `window`: as a required responder (asked when the
 * update was posted, answered at their first answer), by an @mention (asked when told, answered by
 * their first comment on that update after it), and as a blocker's assignee (asked when raised,
 * answered when resolved).
 */
export async function repliesOf(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  window: Interval,
): Promise<Reply[]> {
  const ids = [...personIds];
  const [from, to] = [new Date(window.start), new Date(window.end)];
  const firstComment = sql<Date | string | null>`(
    select min(c.created_at) from ${updateComments} as c
    where c.organisation_id = ${notifications.organisationId}
      and c.update_id::text = ${notifications.objectId}
      and c.author_id = ${notifications.recipientId}
      and c.created_at >= ${notifications.createdAt})`;
  const [responders, mentions, blockers] = await Promise.all([
    executor
      .select({
        personId: updateResponders.personId,
        askedAt: updates.createdAt,
        answeredAt: updateResponders.answeredAt,
      })
      .from(updateResponders)
      .innerJoin(updates, eq(updates.id, updateResponders.updateId))
      .where(
        and(
          eq(updateResponders.organisationId, organisationId),
          inArray(updateResponders.personId, ids),
          gte(updateResponders.answeredAt, from),
          lt(updateResponders.answeredAt, to),
        ),
      ),
    executor
      .select({
        personId: notifications.recipientId,
        askedAt: notifications.createdAt,
        answeredAt: firstComment,
      })
      .from(notifications)
      .where(
        and(
          eq(notifications.organisationId, organisationId),
          inArray(notifications.recipientId, ids),
          eq(notifications.kind, "update.mentioned"),
          eq(notifications.objectType, "update"),
          gte(notifications.createdAt, new Date(window.start - ASK_LOOKBACK_MS)),
          lt(notifications.createdAt, to),
        ),
      ),
    executor
      .select({
        personId: checkinBlockers.assigneeId,
        askedAt: checkinBlockers.createdAt,
        answeredAt: checkinBlockers.resolvedAt,
      })
      .from(checkinBlockers)
      .where(
        and(
          eq(checkinBlockers.organisationId, organisationId),
          inArray(checkinBlockers.assigneeId, ids),
          eq(checkinBlockers.status, "resolved"),
          gte(checkinBlockers.resolvedAt, from),
          lt(checkinBlockers.resolvedAt, to),
        ),
      ),
  ]);
  const replies: Reply[] = [];
  for (const r of [...responders, ...mentions, ...blockers]) {
    if (!r.personId || !r.answeredAt) continue;
    const answeredAt = ms(r.answeredAt);
    if (answeredAt < window.start || answeredAt >= window.end) continue;
    replies.push({ personId: r.personId, askedAt: ms(r.askedAt), answeredAt });
  }
  return replies;
}

/** Check-in occurrences delivered in `window` (answered or not), and pulse answers given in it. */
export async function checkinFacts(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  window: Interval,
) {
  const o = checkinOccurrences;
  const ids = [...personIds];
  const [occurrences, pulses] = await Promise.all([
    executor
      .select({ personId: o.personId, deliveredAt: o.deliveredAt, answered: isNotNull(o.answeredAt) })
      .from(o)
      .where(
        and(
          eq(o.organisationId, organisationId),
          inArray(o.personId, ids),
          gte(o.deliveredAt, new Date(window.start)),
          lt(o.deliveredAt, new Date(window.end)),
        ),
      ),
    // The question's type as it was asked (the occurrence keeps its questions; a ritual may change later).
    executor
      .select({
        personId: checkinAnswers.personId,
        at: checkinAnswers.answeredAt,
        value: checkinAnswers.value,
      })
      .from(o)
      .innerJoin(checkinAnswers, eq(checkinAnswers.occurrenceId, o.id))
      .where(
        and(
          eq(o.organisationId, organisationId),
          inArray(o.personId, ids),
          gt(o.closesAt, new Date(window.start)),
          lt(o.deliveredAt, new Date(window.end)),
          eq(checkinAnswers.personId, o.personId),
          isNotNull(checkinAnswers.value),
          gte(checkinAnswers.answeredAt, new Date(window.start)),
          lt(checkinAnswers.answeredAt, new Date(window.end)),
          sql`exists (select 1 from jsonb_array_elements(${o.questions}) as q
                      where q->>'id' = ${checkinAnswers.questionId}::text and q->>'type' = 'pulse')`,
        ),
      ),
  ]);
  return {
    occurrences: occurrences.map((r) => ({
      personId: r.personId,
      at: ms(r.deliveredAt),
      answered: r.answered === true || (r.answered as unknown) === "t",
    })),
    pulses: pulses.map((r) => ({ personId: r.personId, at: ms(r.at), value: r.value as number })),
  };
}
