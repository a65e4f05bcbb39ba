import type { Config } from "../../config";
import { AppError, conflict, invalid } from "../../platform/errors";
import type { RecordingRow } from "./recording-access";

/** One chunk may be at most this large (a recorder sends one every few seconds). */
export const CHUNK_MAX_BYTES = 64 * 1024 * 1024;
/** A recorder stops at the limit; its last chunk may end a little after it. */
export const DURATION_SLACK_MS = 5_000;

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

export const recordingTooLarge = (config: Config) =>
  new AppError(
    "payload_too_large",
    `This recording is larger than the ${megabytes(config.recordingMaxBytes)} MB limit; stop recording or upload a shorter one`,
  );

export const chunkTooLarge = () =>
  new AppError(
    "payload_too_large",
    `A chunk may be at most ${megabytes(CHUNK_MAX_BYTES)} MB; send the recording in smaller chunks`,
  );

/** 400 unless `durationMs` is within the configured length (and a few seconds of slack). */
export function checkDuration(config: Config, durationMs: number | undefined): void {
  if (durationMs === undefined || durationMs <= config.recordingMaxDurationMs + DURATION_SLACK_MS) return;
  const minutes = Math.round(config.recordingMaxDurationMs / 60_000);
  throw invalid(
    "durationMs",
    `The recording is longer than the ${minutes}-minute limit; record or upload a shorter one`,
  );
}

/** 409 unless chunks may still be sent to (or completed on) this recording. */
export function assertUploading(row: RecordingRow): void {
  if (row.status === "uploading") return;
  if (row.status === "ready")
    throw conflict("This recording is already complete; start a new recording to send more");
  throw conflict("This recording's video has been deleted; start a new recording");
}
