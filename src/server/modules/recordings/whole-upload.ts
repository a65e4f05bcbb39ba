import { randomUUID } from "node:crypto";
import { pipeline } from "node:stream";
import type { Multipart, MultipartFile } from "@fastify/multipart";
import { z } from "zod";
import { createRecordingBody } from "../../../contracts/recordings";
import type { Deps } from "../../deps";
import { AppError, invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { TooLargeError } from "../../platform/storage";
import { recordingFolder, videoKey } from "./keys";
import type { RecordingRow } from "./recording-access";
import { recordings } from "./recordings.table";
import { checkDuration, recordingTooLarge } from "./upload-rules";
import { videoHead } from "./video-head";

/** The fields a whole-file upload may carry before its file part. */
const uploadFields = z.strictObject({
  title: createRecordingBody.shape.title,
  durationMs: z
    .string()
    .regex(/^\d{1,9}$/, "must be a whole number of milliseconds")
    .transform(Number)
    .optional(),
});
type UploadFields = z.infer<typeof uploadFields>;

const FIELD_NAMES = new Set(["title", "durationMs", "file"]);

function readFields(values: Record<string, string>): UploadFields {
  const parsed = uploadFields.safeParse(values);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw invalid(String(issue?.path[0] ?? "body"), issue?.message ?? "is not valid");
}

function fieldValue(part: Exclude<Multipart, MultipartFile>): string {
  const { fieldname, value } = part;
  if (typeof value !== "string" || part.valueTruncated) throw invalid(fieldname, "must be a short text");
  if (value.includes("\u0000")) throw invalid(fieldname, "must not contain a NUL character");
  return value;
}

/** What the multipart parser (busboy, @fastify/multipart) throws, as a sentence a person reads. */
function asSentence(error: unknown, deps: Deps): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof TooLargeError) return recordingTooLarge(deps.config);
  const { code, message = "" } = (error ?? {}) as { code?: string; message?: string };
  if (code === "FST_REQ_FILE_TOO_LARGE") return recordingTooLarge(deps.config);
  if (code === "FST_FILES_LIMIT") return invalid("file", "Send one video per upload");
  if (code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT" || code === "FST_PROTO_VIOLATION")
    return invalid("body", "Send only title, durationMs and the file");
  if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE") return notMultipart();
  if (/multipart|boundary/i.test(message))
    return new AppError(
      "validation_failed",
      "The upload is not well-formed multipart/form-data; send it again",
    );
  return error;
}

export const notMultipart = () =>
  new AppError(
    "unsupported_media_type",
    "Send the video as multipart/form-data, with the file in a part named file",
  );

/** Streams the file part to storage through the sniffer: its declared type and name are ignored. */
async function storeVideo(deps: Deps, organisationId: string, id: string, part: MultipartFile) {
  const head = videoHead();
  const { bytes } = await deps.storage.put(
    videoKey(organisationId, id),
    pipeline(part.file, head, () => undefined),
    {
      maxBytes: deps.config.recordingMaxBytes,
    },
  );
  const type = head.type();
  if (part.file.truncated) throw recordingTooLarge(deps.config);
  if (!type) throw new Error("a stored video without a sniffed type");
  return { bytes, type };
}

/**
 * POST /recordings/upload: a whole video file (multipart: `title?`, `durationMs?`, then `file`),
 * streamed to storage and ready at once. Refused (too large, not a video, bad fields): no row and
 * no file is left.
 */
export async function uploadWholeRecording(
  deps: Deps,
  actor: Actor,
  parts: AsyncIterable<Multipart>,
): Promise<RecordingRow> {
  const id = randomUUID();
  try {
    const values: Record<string, string> = {};
    let stored: { bytes: number; type: string; fields: UploadFields } | undefined;
    for await (const part of parts) {
      if (!FIELD_NAMES.has(part.fieldname) || (part.type === "file") !== (part.fieldname === "file"))
        throw invalid(part.fieldname, "is not part of an upload; send title, durationMs and the file");
      if (stored) throw invalid(part.fieldname, "must come before the file");
      if (part.type === "field") {
        values[part.fieldname] = fieldValue(part);
        continue;
      }
      const fields = readFields(values);
      checkDuration(deps.config, fields.durationMs);
      stored = { ...(await storeVideo(deps, actor.organisationId, id, part)), fields };
    }
    if (!stored) throw invalid("file", "Send the video in a part named file");
    const now = deps.clock.now();
    const [row] = await deps.db
      .insert(recordings)
      .values({
        id,
        organisationId: actor.organisationId,
        ownerId: actor.personId,
        title: stored.fields.title || null,
        declaredType: stored.type,
        mimeType: stored.type,
        status: "ready",
        bytes: stored.bytes,
        durationMs: stored.fields.durationMs ?? null,
        createdAt: now,
        readyAt: now,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    return row;
  } catch (error) {
    await deps.storage.deletePrefix(recordingFolder(actor.organisationId, id));
    throw asSentence(error, deps);
  }
}
