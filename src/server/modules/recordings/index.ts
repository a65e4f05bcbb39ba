import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { deleteRecordingFilesJob, expireRecordingsJob, sweepAbandonedRecordingsJob } from "./recordings.jobs";
import { recordingRoutes } from "./recordings.routes";

/**
 * Recorded video (issue 14): chunked, resumable uploads while recording, whole-file uploads, the
 * content type sniffed from the bytes, range playback (a signed URL from S3), poster frames and
 * retention. A recording is posted as an update of kind video, and from then on is seen by whoever
 * sees that update (`updates.visibility.ts`).
 */
export { recordingToPost, recordingViews, releaseRecordings } from "./for-updates";
export { posterKey, videoKey } from "./keys";
export { presentRecording } from "./recordings.present";
export { recordings } from "./recordings.table";
export { completeRecording, createRecording, putChunk } from "./upload.service";

export const recordingsModule = defineModule<Deps>({
  name: "recordings",
  routes: [recordingRoutes],
  jobs: [deleteRecordingFilesJob, expireRecordingsJob, sweepAbandonedRecordingsJob],
});
