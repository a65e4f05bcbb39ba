import { and, asc, eq, exists, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { notFound } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { updates } from "../updates/updates.table";
import { visibleTo } from "../updates/updates.visibility";
import { recordingChunks, recordings } from "./recordings.table";

export type RecordingRow = typeof recordings.$inferSelect;

export const noSuchRecording = () => notFound("Recording");

/**
 * The one door to reading a recording: its owner reads it, and once an update points at it, whoever may
 * read that update (`visibleTo`, the rule the feed and the thread use). Anyone else — another
 * organisation, or a colleague before it is posted — gets 404, as does a recording being deleted.
 */
export async function recordingToRead(
  db: Executor,
  actor: Actor,
  recordingId: string,
): Promise<RecordingRow> {
  const postedToThem = exists(
    db
      .select({ one: sql`1` })
      .from(updates)
      .where(
        and(
          eq(updates.recordingId, recordings.id),
          eq(updates.organisationId, actor.organisationId),
          visibleTo(actor.personId),
        ),
      ),
  );
  const [row] = await db
    .select({ recording: recordings, postedToThem })
    .from(recordings)
    .where(and(eq(recordings.id, recordingId), eq(recordings.organisationId, actor.organisationId)));
  if (!row || row.recording.status === "deleting") throw noSuchRecording();
  if (row.recording.ownerId !== actor.personId && !row.postedToThem) throw noSuchRecording();
  return row.recording;
}

/**
 * The actor's own recording (uploads, poster frames, posting): 404 to anyone else, even a reader of
 * its update. `forUpdate` locks the row for the transaction.
 */
export async function ownRecording(
  db: Executor,
  actor: Actor,
  recordingId: string,
  options: { forUpdate?: boolean } = {},
): Promise<RecordingRow> {
  const query = db
    .select()
    .from(recordings)
    .where(
      and(
        eq(recordings.id, recordingId),
        eq(recordings.organisationId, actor.organisationId),
        eq(recordings.ownerId, actor.personId),
      ),
    );
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row || row.status === "deleting") throw noSuchRecording();
  return row;
}

/** The chunk indexes the server holds for an uploading recording, in order. */
export async function receivedChunksOf(db: Executor, row: RecordingRow): Promise<number[]> {
  if (row.status !== "uploading") return [];
  return heldChunks(db, row);
}

/** The chunk indexes held for a recording, in order (whatever its status). */
export async function heldChunks(
  db: Executor,
  row: Pick<RecordingRow, "id" | "organisationId">,
): Promise<number[]> {
  const rows = await db
    .select({ index: recordingChunks.index })
    .from(recordingChunks)
    .where(
      and(eq(recordingChunks.organisationId, row.organisationId), eq(recordingChunks.recordingId, row.id)),
    )
    .orderBy(asc(recordingChunks.index));
  return rows.map((r) => r.index);
}

/** The update a recording is posted as, if any. */
export async function postedAs(
  db: Executor,
  row: Pick<RecordingRow, "id" | "organisationId">,
): Promise<string | null> {
  const [posted] = await db
    .select({ id: updates.id })
    .from(updates)
    .where(and(eq(updates.organisationId, row.organisationId), eq(updates.recordingId, row.id)));
  return posted?.id ?? null;
}
