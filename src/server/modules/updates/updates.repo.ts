import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { UpdateKind } from "../../../contracts/updates";
import type { Executor } from "../../platform/db/types";
import { people } from "../people/people.table";
import { teamNamesOf } from "../teams";
import type { FeedCursor } from "./feed-cursor";
import type { UpdateRow } from "./update-access";
import { updateAudience, updateComments, updateResponders, updateSeen, updates } from "./updates.table";
import { visibleTo } from "./updates.visibility";

export interface FeedQuery {
  organisationId: string;
  viewerId: string;
  now: Date;
  teamId?: string | undefined;
  kind?: UpdateKind | undefined;
  needsMyReply?: boolean | undefined;
  overdue?: boolean | undefined;
  after?: FeedCursor | undefined;
  /** Rows to answer; one more is read to know whether a next page exists. */
  limit: number;
}

/** `created_at` as text with its microseconds, for the keyset cursor. */
const cursorKey = sql<string>`to_char(${updates.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const responderRow = (condition: SQL) =>
  sql`exists (select 1 from ${updateResponders} where ${updateResponders.updateId} = ${updates.id} and ${updateResponders.answeredAt} is null and ${condition})`;

/** Open, and the viewer is a required responder who has not answered. */
const needsReplyOf = (viewerId: string): SQL =>
  and(sql`${updates.closedAt} is null`, responderRow(sql`${updateResponders.personId} = ${viewerId}`)) as SQL;

/** Open, with a required responder past their reply-by unanswered: the viewer's own row, or any for the author. */
const overdueFor = (viewerId: string, now: Date): SQL =>
  and(
    sql`${updates.closedAt} is null`,
    responderRow(
      sql`${updateResponders.replyBy} < ${now.toISOString()}::timestamptz and (${updateResponders.personId} = ${viewerId} or ${updates.authorId} = ${viewerId})`,
    ),
  ) as SQL;

/** A page of what the viewer may see, newest first, and each row's cursor. */
export async function feedRows(db: Executor, q: FeedQuery): Promise<{ update: UpdateRow; key: string }[]> {
  const conditions = [
    eq(updates.organisationId, q.organisationId),
    visibleTo(q.viewerId),
    q.teamId ? eq(updates.audienceTeamId, q.teamId) : undefined,
    q.kind ? eq(updates.kind, q.kind) : undefined,
    q.needsMyReply ? needsReplyOf(q.viewerId) : undefined,
    q.overdue ? overdueFor(q.viewerId, q.now) : undefined,
    q.after
      ? sql`(${updates.createdAt}, ${updates.id}) < (${q.after.createdAt}::timestamptz, ${q.after.id}::uuid)`
      : undefined,
  ];
  return db
    .select({ update: updates, key: cursorKey })
    .from(updates)
    .where(and(...conditions))
    .orderBy(desc(updates.createdAt), desc(updates.id))
    .limit(q.limit + 1);
}

/** Everything a summary shows beside the update rows, for a whole page in six queries. */
export async function summaryParts(
  db: Executor,
  organisationId: string,
  viewerId: string,
  rows: UpdateRow[],
) {
  const ids = rows.map((r) => r.id);
  const authorIds = [...new Set(rows.map((r) => r.authorId))];
  const teamIds = [...new Set(rows.flatMap((r) => (r.audienceTeamId ? [r.audienceTeamId] : [])))];
  const [responders, audience, authors, teamRows, counts, seen] = await Promise.all([
    db
      .select({
        updateId: updateResponders.updateId,
        personId: updateResponders.personId,
        replyBy: updateResponders.replyBy,
        answeredAt: updateResponders.answeredAt,
        name: people.name,
        timeZone: people.timeZone,
      })
      .from(updateResponders)
      .innerJoin(people, eq(people.id, updateResponders.personId))
      .where(
        and(eq(updateResponders.organisationId, organisationId), inArray(updateResponders.updateId, ids)),
      )
      .orderBy(asc(people.name), asc(people.id)),
    db
      .select({ updateId: updateAudience.updateId, personId: updateAudience.personId, name: people.name })
      .from(updateAudience)
      .innerJoin(people, eq(people.id, updateAudience.personId))
      .where(and(eq(updateAudience.organisationId, organisationId), inArray(updateAudience.updateId, ids)))
      .orderBy(asc(people.name), asc(people.id)),
    db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.organisationId, organisationId), inArray(people.id, authorIds))),
    teamNamesOf(db, organisationId, teamIds),
    db
      .select({ updateId: updateComments.updateId, count: sql<number>`count(*)::int` })
      .from(updateComments)
      .where(and(eq(updateComments.organisationId, organisationId), inArray(updateComments.updateId, ids)))
      .groupBy(updateComments.updateId),
    db
      .select({ updateId: updateSeen.updateId })
      .from(updateSeen)
      .where(
        and(
          eq(updateSeen.organisationId, organisationId),
          eq(updateSeen.personId, viewerId),
          inArray(updateSeen.updateId, ids),
        ),
      ),
  ]);
  return {
    responders: groupBy(responders, (r) => r.updateId),
    audience: groupBy(audience, (a) => a.updateId),
    authorNames: new Map(authors.map((a) => [a.id, a.name])),
    teamNames: new Map(teamRows.map((t) => [t.id, t.name])),
    commentCounts: new Map(counts.map((c) => [c.updateId, c.count])),
    seen: new Set(seen.map((s) => s.updateId)),
  };
}

export type SummaryParts = Awaited<ReturnType<typeof summaryParts>>;

/** Rows grouped by `key`, each group in the rows' order. */
export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
