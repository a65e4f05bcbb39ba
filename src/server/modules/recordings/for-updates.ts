import { and, eq, inArray } from "drizzle-orm";
import type { RecordingView } from "../../../contracts/recordings";
import type { Deps } from "../../deps";
import type { Db } from "../../platform/db/types";
import { AppError } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { ownRecording, postedAs } from "./recording-access";
import { deleteRecordingFilesJob } from "./recordings.jobs";
import { presentRecording } from "./recordings.present";
import { recordings } from "./recordings.table";

/**
 * What the updates module asks of recordings (issue 14): posting one as a video update, showing it in
 * the feed and the thread, and letting it go when its update is deleted.
 */

/**
 * The actor's own ready recording, not yet posted, locked for the posting transaction (so the sweep of
 * unposted recordings cannot take it meanwhile). Someone else's or unknown: 404; still uploading or
 * expired: 400 validation_failed (nothing to post yet, or any more); posted already: 409 conflict.
 */
export async function recordingToPost(
  tx: Db,
  actor: Actor,
  recordingId: string,
): Promise<{ id: string; durationMs: number | null }> {
  const row = await ownRecording(tx, actor, recordingId, { forUpdate: true });
  if (row.status === "uploading")
    throw new AppError(
      "validation_failed",
      "The recording is still uploading; post it when the upload is complete",
    );
  if (row.status === "expired")
    throw new AppError(
      "validation_failed",
      "This recording's video was deleted by the organisation's retention setting; record it again",
    );
  if (await postedAs(tx, row))
    throw new AppError("conflict", "This recording is already posted as an update");
  return { id: row.id, durationMs: row.durationMs };
}

/** The views of these recordings (by id) in the organisation; ids it does not hold are left out. */
export async function recordingViews(
  db: Db,
  organisationId: string,
  ids: readonly string[],
): Promise<Map<string, RecordingView>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(recordings)
    .where(and(eq(recordings.organisationId, organisationId), inArray(recordings.id, [...ids])));
  return new Map(rows.map((row) => [row.id, presentRecording(row)]));
}

/** In the transaction deleting their update: marks the recordings "deleting" and queues their files' removal. */
export async function releaseRecordings(
  tx: Db,
  deps: Deps,
  organisationId: string,
  recordingIds: readonly string[],
): Promise<void> {
  if (recordingIds.length === 0) return;
  const released = await tx
    .update(recordings)
    .set({ status: "deleting" })
    .where(and(eq(recordings.organisationId, organisationId), inArray(recordings.id, [...recordingIds])))
    .returning({ id: recordings.id });
  if (released.length === 0) return;
  await deps.jobs.send(tx, deleteRecordingFilesJob, {
    organisationId,
    recordingIds: released.map((r) => r.id),
  });
}
