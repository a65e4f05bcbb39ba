import { chunkServer, type RecordingView, readRecording } from "../api";
import type { ChunkStore, KeptRecording } from "../chunk-store";
import { ChunkUploader, type UploadProgress } from "../uploader";
import { Sentence } from "./ErrorNote";
import { finishUpload } from "./session";

/**
 * Finishes a recording left unfinished (the tab was reloaded or closed before the end): asks the
 * server which chunks it holds, sends the others from the browser's copy, then completes it with
 * what was recorded. A recording the server already completed is simply answered.
 */
export async function resumeUpload(
  store: ChunkStore,
  kept: KeptRecording,
  onProgress: (progress: UploadProgress) => void,
): Promise<RecordingView> {
  const server = await readRecording(kept.id);
  if (server.status !== "uploading") {
    await store.forget(kept.id);
    return server;
  }
  const held = new Set(server.receivedChunks);
  const keptIndexes = await store.keptIndexes(kept.id);
  const toSend: { index: number; bytes: number }[] = [];
  for (const index of keptIndexes) {
    if (held.has(index)) await store.confirm(kept.id, index);
    else toSend.push({ index, bytes: (await store.chunk(kept.id, index))?.size ?? 0 });
  }
  const chunks = Math.max(
    kept.chunkCount,
    ...keptIndexes.map((i) => i + 1),
    ...server.receivedChunks.map((i) => i + 1),
  );
  if (chunks === 0) throw new Sentence("Nothing of this recording was kept. Discard it and record again.");
  const uploader = new ChunkUploader(store, kept.id, chunkServer(kept.id), onProgress);
  uploader.resume({ count: held.size, bytes: server.bytes }, toSend);
  return finishUpload(store, uploader, kept.id, { chunks, durationMs: kept.elapsedMs });
}
