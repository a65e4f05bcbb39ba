import { and, desc, eq } from "drizzle-orm";
import type { UsedInView } from "../../../contracts/documents";
import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";
import { meetingDocuments, meetings } from "../meetings/meetings.table";
import { meetingVisibleTo } from "../meetings/meetings.visibility";
import { updateLinks, updates } from "../updates/updates.table";
import { visibleTo } from "../updates/updates.visibility";
import type { DocumentRow } from "./document-access";

/**
 * Where the document is used: meetings having it as a pre-read and updates linking it — only those
 * the viewer may open (each by its own visibility rule), so "used in" never tells a reader of the
 * document about a one-to-one or a conversation they are not part of. Latest first.
 */
export async function usedIn(db: Executor, actor: Actor, document: DocumentRow): Promise<UsedInView[]> {
  const [meetingRows, updateRows] = await Promise.all([
    db
      .select({ id: meetings.id, title: meetings.title, at: meetings.startAt })
      .from(meetingDocuments)
      .innerJoin(meetings, eq(meetings.id, meetingDocuments.meetingId))
      .where(
        and(
          eq(meetingDocuments.organisationId, document.organisationId),
          eq(meetingDocuments.documentId, document.id),
          eq(meetings.organisationId, document.organisationId),
          meetingVisibleTo(actor.personId),
        ),
      )
      .orderBy(desc(meetings.startAt)),
    db
      .selectDistinct({ id: updates.id, title: updates.title, at: updates.createdAt })
      .from(updateLinks)
      .innerJoin(updates, eq(updates.id, updateLinks.updateId))
      .where(
        and(
          eq(updateLinks.organisationId, document.organisationId),
          eq(updateLinks.type, "document"),
          eq(updateLinks.targetId, document.id),
          eq(updates.organisationId, document.organisationId),
          visibleTo(actor.personId),
        ),
      )
      .orderBy(desc(updates.createdAt), updates.id),
  ]);
  return [
    ...meetingRows.map((m) => ({
      type: "meeting" as const,
      id: m.id,
      title: m.title,
      at: m.at.toISOString(),
    })),
    ...updateRows.map((u) => ({ type: "update" as const, id: u.id, title: u.title, at: u.at.toISOString() })),
  ].sort((a, b) => b.at.localeCompare(a.at));
}
