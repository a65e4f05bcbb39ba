import { and, asc, eq, inArray } from "drizzle-orm";
import type { MeetingView } from "../../../contracts/meetings";
import type { Executor } from "../../platform/db/types";
import { invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { visibleDocuments } from "../documents";
import type { MeetingRow } from "./meeting-access";
import { meetingDocuments } from "./meetings.table";

/**
 * 400 naming `preReadDocumentIds[i]` unless the organiser may read every document named: a pre-read
 * never tells attendees about a document its organiser could not open (one query).
 */
export async function assertPreReadDocuments(
  db: Executor,
  actor: Actor,
  documentIds: readonly string[] | undefined,
): Promise<void> {
  if (!documentIds || documentIds.length === 0) return;
  const readable = await visibleDocuments(db, actor, documentIds);
  const missing = documentIds.findIndex((id) => !readable.has(id));
  if (missing >= 0) throw invalid(`preReadDocumentIds[${missing}]`, "no such document that you can see");
}

/**
 * Replaces the pre-read documents of each of `meetingIds` (every occurrence created together, or the
 * one occurrence changed) with `documentIds` in their order.
 */
export async function writePreReadDocuments(
  tx: Executor,
  organisationId: string,
  meetingIds: readonly string[],
  documentIds: readonly string[],
): Promise<void> {
  if (meetingIds.length === 0) return;
  await tx
    .delete(meetingDocuments)
    .where(
      and(
        eq(meetingDocuments.organisationId, organisationId),
        inArray(meetingDocuments.meetingId, [...meetingIds]),
      ),
    );
  if (documentIds.length === 0) return;
  await tx
    .insert(meetingDocuments)
    .values(
      meetingIds.flatMap((meetingId) =>
        documentIds.map((documentId, position) => ({ meetingId, documentId, organisationId, position })),
      ),
    );
}

/**
 * The meeting's pre-read documents in order, with their current titles, that the viewer may read:
 * an attendee outside a document's audience does not learn its title (two queries).
 */
export async function preReadDocumentsPart(
  db: Executor,
  actor: Actor,
  meeting: MeetingRow,
): Promise<MeetingView["preReadDocuments"]> {
  const rows = await db
    .select({ documentId: meetingDocuments.documentId })
    .from(meetingDocuments)
    .where(
      and(
        eq(meetingDocuments.organisationId, meeting.organisationId),
        eq(meetingDocuments.meetingId, meeting.id),
      ),
    )
    .orderBy(asc(meetingDocuments.position));
  const readable = await visibleDocuments(
    db,
    actor,
    rows.map((r) => r.documentId),
  );
  return rows.flatMap((r) => {
    const document = readable.get(r.documentId);
    return document ? [{ id: document.id, title: document.title }] : [];
  });
}
