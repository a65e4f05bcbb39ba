import type { RecordingView } from "../../../contracts/recordings";
import type { Deps } from "../../deps";
import type { Db } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";

/**
 * What the updates module asks of recordings (issue 14): posting one as a video update, showing it in
 * the feed and the thread, and letting it go when its update is deleted.
 */

/** The actor's own ready recording, not yet posted; otherwise a 400/404 naming what is wrong. */
export async function recordingToPost(
  _tx: Db,
  _actor: Actor,
  _recordingId: string,
): Promise<{ id: string; durationMs: number | null }> {
  throw new Error("not built yet");
}

/** The views of these recordings (by id) in the organisation; ids it does not hold are left out. */
export async function recordingViews(
  _db: Db,
  _organisationId: string,
  _ids: readonly string[],
): Promise<Map<string, RecordingView>> {
  throw new Error("not built yet");
}

/** In the transaction deleting their update: marks the recordings "deleting" and queues their files' removal. */
export async function releaseRecordings(
  _tx: Db,
  _deps: Deps,
  _organisationId: string,
  _recordingIds: readonly string[],
): Promise<void> {
  throw new Error("not built yet");
}
