import { and, desc, eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { BlockerView } from "../../../contracts/checkins";
import type { Executor } from "../../platform/db/types";
import { people } from "../people/people.table";
import { checkinBlockers, checkins } from "./checkins.table";

/** The most blockers one list answers (newest first): a list, not an export. */
export const BLOCKER_LIST_LIMIT = 200;

const author = alias(people, "blocker_author");
const assignee = alias(people, "blocker_assignee");

/**
 * Blockers of one organisation matching `where` (over `checkin_blockers` and `checkins`), newest
 * first, as the contract shows them: with the ritual's name and the names of author and assignee.
 */
export async function blockerViews(
  db: Executor,
  organisationId: string,
  where: SQL | undefined,
  limit = BLOCKER_LIST_LIMIT,
): Promise<BlockerView[]> {
  const rows = await db
    .select({
      blocker: checkinBlockers,
      checkinName: checkins.name,
      authorName: author.name,
      assigneeName: assignee.name,
    })
    .from(checkinBlockers)
    .innerJoin(checkins, eq(checkins.id, checkinBlockers.checkinId))
    .innerJoin(author, eq(author.id, checkinBlockers.authorId))
    .leftJoin(assignee, eq(assignee.id, checkinBlockers.assigneeId))
    .where(and(eq(checkinBlockers.organisationId, organisationId), where))
    .orderBy(desc(checkinBlockers.createdAt), desc(checkinBlockers.id))
    .limit(limit);
  return rows.map(({ blocker, checkinName, authorName, assigneeName }) => ({
    id: blocker.id,
    checkinId: blocker.checkinId,
    checkinName,
    occurrenceId: blocker.occurrenceId,
    author: { id: blocker.authorId, name: authorName },
    assignee:
      blocker.assigneeId && assigneeName !== null ? { id: blocker.assigneeId, name: assigneeName } : null,
    text: blocker.text,
    urgent: blocker.urgent,
    status: blocker.status,
    createdAt: blocker.createdAt.toISOString(),
    resolvedAt: blocker.resolvedAt?.toISOString() ?? null,
  }));
}
