import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { DEFAULT_RULES } from "../../../contracts/agreement";
import type { StalledView } from "../../../contracts/updates";
import { stallOf } from "../../../core/updates";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { agreementVersions, teamAgreementVersions } from "../agreement/agreement.table";
import { notify } from "../notifications";
import { participantsOf } from "./participants";
import { publishUpdateChanged, type UpdateRow } from "./update-access";
import { groupBy } from "./updates.repo";
import { updateComments, updateDecisions, updateResponders, updateResponses, updates } from "./updates.table";

/**
 * The effective `escalateAfterComments` of each update: its organisation's, or its audience team's
 * when stricter (lower; `least` skips the team's null when it has no override or no such rule).
 */
const escalateAfter = sql<number>`least(
  coalesce((select (${agreementVersions.rules} ->> 'escalateAfterComments')::int from ${agreementVersions}
    where ${agreementVersions.organisationId} = ${updates.organisationId}
    order by ${agreementVersions.version} desc limit 1), ${DEFAULT_RULES.escalateAfterComments}),
  (select (${teamAgreementVersions.rules} ->> 'escalateAfterComments')::int from ${teamAgreementVersions}
    where ${teamAgreementVersions.teamId} = ${updates.audienceTeamId}
    order by ${teamAgreementVersions.teamVersion} desc limit 1))`;

const exists = (table: typeof updateResponders | typeof updateResponses, condition: ReturnType<typeof sql>) =>
  sql`exists (select 1 from ${table} where ${table.updateId} = ${updates.id} and ${condition})`;
const commentCount = sql`(select count(*) from ${updateComments} where ${updateComments.updateId} = ${updates.id})`;

/**
 * Open threads not yet flagged that may be stalled — the SQL half of `stallOf`, so a thread is only
 * loaded when one of its reasons can hold; `stallOf` then judges with the thread's facts.
 */
function candidates(db: Executor, now: Date) {
  return db
    .select({ update: updates, escalateAfter })
    .from(updates)
    .where(
      and(
        isNull(updates.closedAt),
        isNull(updates.stalledAt),
        sql`not exists (select 1 from ${updateDecisions} where ${updateDecisions.updateId} = ${updates.id})`,
        or(
          and(
            lt(updates.replyBy, now),
            exists(updateResponders, sql`${updateResponders.answeredAt} is null`),
          ),
          and(
            eq(updates.kind, "proposal"),
            lt(updates.decisionDue, now),
            exists(updateResponses, sql`${updateResponses.stance} = 'agree'`),
            exists(updateResponses, sql`${updateResponses.stance} = 'disagree'`),
          ),
          gt(commentCount, escalateAfter),
        ),
      ),
    );
}

interface Judged {
  update: UpdateRow;
  stalled: StalledView;
}

/** Each candidate's facts in three queries, judged by `stallOf`: the stalled ones. */
async function judge(db: Executor, found: { update: UpdateRow; escalateAfter: number }[], now: Date) {
  if (found.length === 0) return [];
  const ids = found.map((f) => f.update.id);
  const [comments, responders, responses] = await Promise.all([
    db
      .select({ updateId: updateComments.updateId, authorId: updateComments.authorId })
      .from(updateComments)
      .where(inArray(updateComments.updateId, ids))
      .orderBy(asc(updateComments.createdAt), asc(updateComments.id)),
    db
      .select({
        updateId: updateResponders.updateId,
        personId: updateResponders.personId,
        answeredAt: updateResponders.answeredAt,
      })
      .from(updateResponders)
      .where(inArray(updateResponders.updateId, ids)),
    db
      .select({
        updateId: updateResponses.updateId,
        personId: updateResponses.personId,
        stance: updateResponses.stance,
      })
      .from(updateResponses)
      .where(inArray(updateResponses.updateId, ids)),
  ]);
  const [commentsOf, respondersOf, responsesOf] = [
    groupBy(comments, (c) => c.updateId),
    groupBy(responders, (r) => r.updateId),
    groupBy(responses, (r) => r.updateId),
  ];
  const judged: Judged[] = [];
  for (const { update, escalateAfter: limit } of found) {
    const thread = {
      comments: commentsOf.get(update.id) ?? [],
      responders: respondersOf.get(update.id) ?? [],
      responses: responsesOf.get(update.id) ?? [],
    };
    const stalled = stallOf({
      now: now.getTime(),
      kind: update.kind,
      closed: update.closedAt !== null,
      replyBy: update.replyBy?.getTime() ?? null,
      missingAnswers: thread.responders.filter((r) => r.answeredAt === null).length,
      comments: thread.comments,
      escalateAfterComments: Number(limit),
      decisionDue: update.decisionDue?.getTime() ?? null,
      tally: {
        agree: thread.responses.filter((r) => r.stance === "agree").length,
        disagree: thread.responses.filter((r) => r.stance === "disagree").length,
      },
      decided: false, // candidates have no decision
    });
    if (stalled) judged.push({ update, stalled });
  }
  return judged;
}

/**
 * Flags one organisation's stalled threads: `stalled_at` is set by an UPDATE … RETURNING that only
 * takes threads still open and unflagged, so a sweep run twice (or two at once) tells people once.
 * The author and participants (required responders, commenters, answerers) are told why, and that a
 * short meeting is offered on the thread.
 */
async function flagIn(deps: Deps, organisationId: string, judged: Judged[], now: Date): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const flagged = await tx
      .update(updates)
      .set({ stalledAt: now })
      .where(
        and(
          eq(updates.organisationId, organisationId),
          inArray(
            updates.id,
            judged.map((j) => j.update.id),
          ),
          isNull(updates.stalledAt),
          isNull(updates.closedAt),
        ),
      )
      .returning();
    const participants = await participantsOf(tx, organisationId, flagged);
    for (const update of flagged) {
      const { stalled } = judged.find((j) => j.update.id === update.id) as Judged;
      const link = `/updates/${update.id}`;
      const why = stalled.text.charAt(0).toLowerCase() + stalled.text.slice(1);
      await notify(tx, deps, {
        organisationId,
        recipients: participants.get(update.id) ?? [],
        kind: "update.stalled",
        subject: `"${update.title}" has stalled`,
        body: `**${update.title}** has stalled: ${why} A short meeting is offered on the thread.`,
        webhookBody: `A thread has stalled; a short meeting is offered: read it in Tandem at ${link}.`,
        link,
        objectRef: { type: "update", id: update.id },
        teamId: update.audienceTeamId,
      });
      await publishUpdateChanged(tx, deps, update);
    }
    return flagged.length;
  });
}

/** The stall sweep (`flag-stalled-threads`), one transaction per organisation; answers how many it flagged. */
export async function flagStalledThreads(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const judged = await judge(deps.db, await candidates(deps.db, now), now);
  const byOrg = groupBy(judged, (j) => j.update.organisationId);
  let flagged = 0;
  for (const [organisationId, list] of byOrg) flagged += await flagIn(deps, organisationId, list, now);
  return flagged;
}
