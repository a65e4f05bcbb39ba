import { z } from "zod";
import { text, uuid } from "./common";

/** Issue 14: recorded video updates — recording, upload, playback, retention. */

/** The video containers Tandem keeps, as sniffed from the bytes (never from a file's name). */
export const VIDEO_TYPES = ["video/webm", "video/mp4", "video/quicktime"] as const;
export type VideoType = (typeof VIDEO_TYPES)[number];
/** A poster frame, made in the browser from the video. */
export const POSTER_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type PosterType = (typeof POSTER_TYPES)[number];
export const POSTER_MAX_BYTES = 2 * 1024 * 1024;
/** At most this many chunks in one recording (a chunk a second for 15 minutes is 900). */
export const MAX_CHUNKS = 10_000;
/** Playback speeds the player offers. */
export const PLAYBACK_RATES = [1, 1.25, 1.5, 1.75, 2] as const;
export const RECORDING_STATUSES = ["uploading", "ready", "expired"] as const;
export type RecordingStatus = (typeof RECORDING_STATUSES)[number];

/** The type part of a media type ("video/webm;codecs=vp9,opus" → "video/webm"), lower case. */
export const baseType = (mimeType: string): string => mimeType.split(";")[0]?.trim().toLowerCase() ?? "";

const mimeType = text()
  .max(200, "must be at most 200 characters")
  .refine((v) => (VIDEO_TYPES as readonly string[]).includes(baseType(v)), {
    message: "must be a video type Tandem keeps: video/webm, video/mp4 or video/quicktime",
  });

/** `POST /api/v1/recordings`: start a recording whose chunks follow. */
export const createRecordingBody = z.strictObject({
  mimeType,
  title: text().trim().max(200, "must be at most 200 characters").optional(),
});
export type CreateRecordingBody = z.infer<typeof createRecordingBody>;

export const recordingParams = z.strictObject({ id: uuid });
export const chunkParams = z.strictObject({
  id: uuid,
  index: z.coerce
    .number({ message: "must be a whole number" })
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .max(MAX_CHUNKS - 1, `must be less than ${MAX_CHUNKS}`),
});

/** `POST /api/v1/recordings/:id/complete`: every chunk 0…chunks−1 has been sent. */
export const completeRecordingBody = z.strictObject({
  chunks: z
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_CHUNKS, `must be at most ${MAX_CHUNKS}`),
  durationMs: z.number().int("must be a whole number of milliseconds").min(0, "must be 0 or more"),
});
export type CompleteRecordingBody = z.infer<typeof completeRecordingBody>;

/** `PUT /api/v1/organisation/recordings` (admins): video files are deleted this many days after recording. */
export const recordingSettingsBody = z.strictObject({
  retentionDays: z
    .number()
    .int("must be a whole number of days")
    .min(1, "must be at least 1 day")
    .max(3650, "must be at most 3650 days (10 years)")
    .nullable(),
});
export type RecordingSettings = z.infer<typeof recordingSettingsBody>;

// ── Views ────────────────────────────────────────────────────────────────────────────────────────
export const recordingView = z.object({
  id: z.string(),
  status: z.enum(RECORDING_STATUSES),
  title: z.string().nullable(),
  /** The sniffed type once the first bytes arrived; before, the type the recorder declared. */
  mimeType: z.string(),
  bytes: z.number(),
  durationMs: z.number().nullable(),
  /** Chunk indexes the server holds (while uploading): a resumed upload sends the others. */
  receivedChunks: z.array(z.number()),
  /** Where to play it (`GET …/media`), and its poster frame when one was sent. */
  mediaUrl: z.string(),
  posterUrl: z.string().nullable(),
  createdAt: z.string(),
  /** When retention deleted the file (status "expired"). */
  expiredAt: z.string().nullable(),
});
export type RecordingView = z.infer<typeof recordingView>;
export const oneRecording = z.object({ recording: recordingView });

/** What the recorder must respect, from the instance's configuration. */
export const recordingLimitsView = z.object({
  maxBytes: z.number(),
  maxDurationMs: z.number(),
  /** Whether a speech-to-text engine is configured (none: no transcript is ever shown). */
  transcripts: z.boolean(),
});
export type RecordingLimits = z.infer<typeof recordingLimitsView>;
export const recordingSettingsView = z.object({ retentionDays: z.number().nullable() });
