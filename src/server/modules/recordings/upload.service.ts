import { pipeline, Readable } from "node:stream";
import { and, eq, ne, sum } from "drizzle-orm";
import type { CompleteRecordingBody, CreateRecordingBody } from "../../../contracts/recordings";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { AppError, conflict, invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { TooLargeError } from "../../platform/storage";
import { releaseRecordings } from "./for-updates";
import { chunkKey, recordingFolder, videoKey } from "./keys";
import { heldChunks, ownRecording, postedAs, type RecordingRow } from "./recording-access";
import { recordingChunks, recordings } from "./recordings.table";
import {
  assertUploading,
  CHUNK_MAX_BYTES,
  checkDuration,
  chunkTooLarge,
  recordingTooLarge,
} from "./upload-rules";
import { videoHead, withDurationWritten } from "./video-head";

/**
 * Chunked, resumable uploads (issue 14): a recorder starts a recording, sends its chunks as they are
 * recorded (any order, any again), then completes it; the chunks are joined into one video.
 */

/** POST /recordings: an empty recording of the actor's, waiting for its chunks. */
export async function createRecording(
  deps: Deps,
  actor: Actor,
  input: CreateRecordingBody,
): Promise<RecordingRow> {
  const [row] = await deps.db
    .insert(recordings)
    .values({
      organisationId: actor.organisationId,
      ownerId: actor.personId,
      title: input.title || null,
      declaredType: input.mimeType,
      createdAt: deps.clock.now(),
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Bytes held for the recording's chunks other than `index`. */
async function bytesBesides(db: Executor, recordingId: string, index: number): Promise<number> {
  const [row] = await db
    .select({ total: sum(recordingChunks.bytes).mapWith(Number) })
    .from(recordingChunks)
    .where(and(eq(recordingChunks.recordingId, recordingId), ne(recordingChunks.index, index)));
  return row?.total ?? 0;
}

const forgetChunk = (db: Executor, recordingId: string, index: number) =>
  db
    .delete(recordingChunks)
    .where(and(eq(recordingChunks.recordingId, recordingId), eq(recordingChunks.index, index)));

/**
 * PUT /recordings/:id/chunks/:index: streams the chunk to storage (chunk 0 sniffed first), within
 * the chunk limit and what is left of the recording's limit. A refused or broken chunk is not
 * counted as held, so the recorder sends it again.
 */
export async function putChunk(
  deps: Deps,
  actor: Actor,
  target: { id: string; index: number },
  body: Readable,
  declaredLength: number | undefined,
): Promise<void> {
  const { id, index } = target;
  const row = await ownRecording(deps.db, actor, id);
  assertUploading(row);
  const max = deps.config.recordingMaxBytes;
  const left = max - (await bytesBesides(deps.db, id, index));
  const tooLarge = () => (left <= CHUNK_MAX_BYTES ? recordingTooLarge(deps.config) : chunkTooLarge());
  if (declaredLength === 0) throw invalid("body", "The chunk is empty; send its bytes");
  if (declaredLength !== undefined && declaredLength > Math.min(left, CHUNK_MAX_BYTES)) throw tooLarge();
  const head = index === 0 ? videoHead(row.declaredType) : undefined;
  let bytes: number;
  try {
    const stored = await deps.storage.put(
      chunkKey(row.organisationId, id, index),
      // pipeline hands a broken upload's error on to the store, which then keeps nothing.
      head ? pipeline(body, head, () => undefined) : body,
      { maxBytes: Math.max(0, Math.min(left, CHUNK_MAX_BYTES)) },
    );
    bytes = stored.bytes;
  } catch (error) {
    await forgetChunk(deps.db, id, index);
    throw error instanceof TooLargeError ? tooLarge() : error;
  }
  if (bytes === 0) {
    await forgetChunk(deps.db, id, index);
    throw invalid("body", "The chunk is empty; send its bytes");
  }
  await deps.db.transaction(async (tx) => {
    const locked = await ownRecording(tx, actor, id, { forUpdate: true });
    assertUploading(locked);
    // Chunks sent side by side each saw the others' bytes before they arrived: count again.
    const others = await bytesBesides(tx, id, index);
    if (others + bytes > max) {
      await forgetChunk(tx, id, index);
      throw recordingTooLarge(deps.config);
    }
    await tx
      .insert(recordingChunks)
      .values({ recordingId: id, organisationId: row.organisationId, index, bytes, at: deps.clock.now() })
      .onConflictDoUpdate({
        target: [recordingChunks.recordingId, recordingChunks.index],
        set: { bytes, at: deps.clock.now() },
      });
    const sniffed = head?.type();
    await tx
      .update(recordings)
      .set({ bytes: others + bytes, ...(sniffed ? { mimeType: sniffed } : {}) })
      .where(and(eq(recordings.id, id), eq(recordings.organisationId, row.organisationId)));
  });
}

/** "Chunk 2 has", "Chunks 3 and 7 have", "Chunks 1, 2, 3, 4, 5 and 12 others have". */
function missingSentence(missing: number[]): string {
  if (missing.length === 1) return `Chunk ${missing[0]} has not arrived; send it and complete again`;
  const shown = missing.slice(0, 5);
  const rest = missing.length - shown.length;
  const list =
    rest > 0
      ? `${shown.join(", ")} and ${rest} others`
      : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
  return `Chunks ${list} have not arrived; send them and complete again`;
}

/** Every chunk 0…chunks−1 held, none beyond: else 409 naming the missing ones, or 400. */
function checkChunks(held: number[], chunks: number): void {
  const beyond = held.find((index) => index >= chunks);
  if (beyond !== undefined)
    throw invalid(
      "chunks",
      `The recording has ${chunks} chunks by your count, but chunk ${beyond} has arrived too; send the number of chunks you recorded`,
    );
  const have = new Set(held);
  const missing: number[] = [];
  for (let i = 0; i < chunks; i++) if (!have.has(i)) missing.push(i);
  if (missing.length > 0) throw conflict(missingSentence(missing), { missingChunks: missing.slice(0, 100) });
}

/**
 * The chunks one after another, read from storage as they are needed (never whole in memory); a WebM
 * recording's header gets its length, which a recorder streaming live cannot write.
 */
function joined(deps: Deps, row: RecordingRow, input: CompleteRecordingBody): Readable {
  const pieces = (async function* () {
    for (let i = 0; i < input.chunks; i++)
      yield* (await deps.storage.read(chunkKey(row.organisationId, row.id, i))) as AsyncIterable<Buffer>;
  })();
  return Readable.from(
    row.mimeType === "video/webm" ? withDurationWritten(pieces, input.durationMs) : pieces,
  );
}

/**
 * POST /recordings/:id/complete: joins the chunks into the video, then marks it ready and lets the
 * chunks go. Completing a ready recording answers it again.
 */
export async function completeRecording(
  deps: Deps,
  actor: Actor,
  id: string,
  input: CompleteRecordingBody,
): Promise<RecordingRow> {
  const row = await ownRecording(deps.db, actor, id);
  if (row.status === "ready") return row;
  assertUploading(row);
  checkDuration(deps.config, input.durationMs);
  checkChunks(await heldChunks(deps.db, row), input.chunks);
  let bytes: number;
  try {
    const stored = await deps.storage.put(videoKey(row.organisationId, id), joined(deps, row, input), {
      maxBytes: deps.config.recordingMaxBytes,
      contentType: row.mimeType ?? row.declaredType,
    });
    bytes = stored.bytes;
  } catch (error) {
    // Completed side by side: the other request let the chunks go once the video was whole.
    const now = await ownRecording(deps.db, actor, id);
    if (now.status === "ready") return now;
    if (error instanceof TooLargeError) throw recordingTooLarge(deps.config);
    throw error;
  }
  const ready = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(recordings)
      .set({ status: "ready", bytes, durationMs: input.durationMs, readyAt: deps.clock.now() })
      .where(
        and(
          eq(recordings.id, id),
          eq(recordings.organisationId, row.organisationId),
          eq(recordings.status, "uploading"),
        ),
      )
      .returning();
    if (updated) await tx.delete(recordingChunks).where(eq(recordingChunks.recordingId, id));
    return updated;
  });
  if (!ready) {
    const now = await ownRecording(deps.db, actor, id);
    if (now.status === "ready") return now;
    assertUploading(now);
    throw new AppError("conflict", "The recording changed while it was completed; complete it again");
  }
  await deps.storage.deletePrefix(`${recordingFolder(row.organisationId, id)}chunks/`);
  return ready;
}

/**
 * DELETE /recordings/:id: the owner discards a recording not posted (an upload given up, a take they do
 * not want). A posted one goes with its update. Its files are removed by `delete-recording-files`.
 */
export async function discardRecording(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const row = await ownRecording(tx, actor, id, { forUpdate: true });
    if (await postedAs(tx, row))
      throw conflict("This recording is posted as an update; delete the update to delete its video");
    await releaseRecordings(tx, deps, actor.organisationId, [row.id]);
  });
}
