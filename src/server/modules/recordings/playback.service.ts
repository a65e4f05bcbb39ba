import { Readable } from "node:stream";
import { and, eq, ne } from "drizzle-orm";
import { baseType, POSTER_MAX_BYTES, type RecordingView } from "../../../contracts/recordings";
import { SNIFF_BYTES, sniffImage } from "../../../core/media/sniff";
import type { Deps } from "../../deps";
import { AppError } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { posterKey, videoKey } from "./keys";
import { ownRecording, type RecordingRow, receivedChunksOf, recordingToRead } from "./recording-access";
import { presentRecording } from "./recordings.present";
import { recordings } from "./recordings.table";

/** A signed S3 address lives this long: enough to start playing; the page asks again for a new one. */
export const SIGNED_URL_SECONDS = 300;

/** GET /recordings/:id: with the chunks the server holds while uploading (a resumed upload sends the rest). */
export async function getRecording(deps: Deps, actor: Actor, id: string): Promise<RecordingView> {
  const row = await recordingToRead(deps.db, actor, id);
  return presentRecording(row, await receivedChunksOf(deps.db, row));
}

/** Where the video's bytes are: a signed address on S3, else the file to stream from here. */
export type MediaSource =
  | { kind: "redirect"; url: string }
  | { kind: "file"; key: string; size: number; type: string; etag: string };

/** GET /recordings/:id/media: a ready recording the actor may read (409 while uploading, 410 once expired). */
export async function mediaOf(deps: Deps, actor: Actor, id: string): Promise<MediaSource> {
  const row = await recordingToRead(deps.db, actor, id);
  if (row.status === "uploading")
    throw new AppError("conflict", "This video is still uploading; it plays once the upload is complete");
  if (row.status === "expired") throw expired(row);
  const key = videoKey(row.organisationId, row.id);
  const type = row.mimeType ?? baseType(row.declaredType);
  const url = await deps.storage.signedUrl(key, { expiresSeconds: SIGNED_URL_SECONDS, contentType: type });
  if (url) return { kind: "redirect", url };
  const size = await deps.storage.size(key);
  if (size === null) throw new AppError("not_found", "This video's file is missing from storage");
  return { kind: "file", key, size, type, etag: `"${row.id}-${size}"` };
}

const expired = (row: RecordingRow) => {
  const on = row.expiredAt ? ` on ${row.expiredAt.toISOString().slice(0, 10)}` : "";
  return new AppError(
    "recording_expired",
    `This video was deleted${on}, as the organisation's retention setting says; the update and its comments stay`,
  );
};

/**
 * PUT /recordings/:id/poster (its owner): a frame the browser took from the video, sniffed as JPEG, PNG
 * or WebP, at most POSTER_MAX_BYTES; replaces an earlier one.
 */
export async function setPoster(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { stream: Readable; declaredLength: number | undefined } | undefined,
): Promise<void> {
  const row = await ownPoster(deps, actor, id);
  const tooLarge = new AppError(
    "payload_too_large",
    `A poster frame may be at most ${POSTER_MAX_BYTES / (1024 * 1024)} MB; send a smaller image`,
  );
  if ((body?.declaredLength ?? 0) > POSTER_MAX_BYTES) throw tooLarge;
  const bytes = body ? await readAtMost(body.stream, POSTER_MAX_BYTES) : Buffer.alloc(0);
  if (bytes === null) throw tooLarge;
  const type = sniffImage(bytes.subarray(0, SNIFF_BYTES));
  if (!type) throw new AppError("unsupported_media_type", "A poster frame must be a JPEG, PNG or WebP image");
  await deps.storage.put(posterKey(row.organisationId, row.id), Readable.from([bytes]), {
    maxBytes: POSTER_MAX_BYTES,
    contentType: type,
  });
  await deps.db
    .update(recordings)
    .set({ posterType: type })
    .where(
      and(
        eq(recordings.organisationId, row.organisationId),
        eq(recordings.id, row.id),
        ne(recordings.status, "deleting"),
      ),
    );
}

/** The owner's recording, which must still have its video (uploading or ready). */
async function ownPoster(deps: Deps, actor: Actor, id: string): Promise<RecordingRow> {
  const row = await ownRecording(deps.db, actor, id);
  if (row.status === "expired") throw expired(row);
  return row;
}

/** GET /recordings/:id/poster: the frame's bytes and type; 404 when none was sent. */
export async function posterOf(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ body: Readable; type: string }> {
  const row = await recordingToRead(deps.db, actor, id);
  if (row.status === "expired") throw expired(row);
  if (!row.posterType) throw new AppError("not_found", "This recording has no poster frame");
  const body = await deps.storage.read(posterKey(row.organisationId, row.id)).catch(() => {
    throw new AppError("not_found", "This recording has no poster frame");
  });
  return { body, type: row.posterType };
}

/**
 * The body's bytes, or null once they pass `max` (the rest is then read and dropped, so the client
 * gets the 413 instead of a reset connection).
 */
function readAtMost(stream: Readable, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    // The client went away before the handler ran: nothing more will come.
    if (stream.destroyed) return reject(new Error("the upload was interrupted"));
    const chunks: Buffer[] = [];
    let bytes = 0;
    stream.on("data", (chunk: Buffer) => {
      if (bytes > max) return;
      bytes += chunk.length;
      if (bytes > max) {
        chunks.length = 0;
        resolve(null);
      } else chunks.push(chunk);
    });
    stream.on("end", () => resolve(bytes > max ? null : Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}
