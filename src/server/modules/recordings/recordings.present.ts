import type { RecordingView } from "../../../contracts/recordings";
import type { recordings } from "./recordings.table";

type RecordingRow = typeof recordings.$inferSelect;

/** A recording as the API shows it; `receivedChunks` only while uploading. */
export function presentRecording(row: RecordingRow, receivedChunks: number[] = []): RecordingView {
  return {
    id: row.id,
    status: row.status === "deleting" ? "expired" : row.status,
    title: row.title,
    mimeType: row.mimeType ?? row.declaredType,
    bytes: row.bytes,
    durationMs: row.durationMs,
    receivedChunks: row.status === "uploading" ? receivedChunks : [],
    mediaUrl: `/api/v1/recordings/${row.id}/media`,
    posterUrl: row.posterType && row.status === "ready" ? `/api/v1/recordings/${row.id}/poster` : null,
    createdAt: row.createdAt.toISOString(),
    expiredAt: row.expiredAt?.toISOString() ?? null,
  };
}
