import { useQuery } from "@tanstack/react-query";
import type { RecordingLimits, RecordingView } from "../../../contracts/recordings";
import type { AudienceInput } from "../../../contracts/updates";
import { ApiError, api, get, upload } from "../../lib/api";
import type { ChunkServer } from "./uploader";

export type { RecordingLimits, RecordingView } from "../../../contracts/recordings";

type OneRecording = { recording: RecordingView };

export const recordingKeys = {
  limits: ["recordings", "limits"] as const,
};

/** The instance's limits (length, size): the recorder stops itself before either. */
export function useRecordingLimits() {
  return useQuery({
    queryKey: recordingKeys.limits,
    queryFn: () => get<RecordingLimits>("/recordings/limits"),
    staleTime: 10 * 60_000,
  });
}

export const startRecording = (mimeType: string) =>
  api<OneRecording>("POST", "/recordings", { mimeType }).then((r) => r.recording);

export const readRecording = (id: string) => get<OneRecording>(`/recordings/${id}`).then((r) => r.recording);

/** Discards a recording not posted; one the server no longer holds (404) is discarded already. */
export const discardRecording = (id: string) =>
  api<void>("DELETE", `/recordings/${id}`).catch((error: unknown) => {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  });

export const completeRecording = (id: string, body: { chunks: number; durationMs: number }) =>
  api<OneRecording>("POST", `/recordings/${id}/complete`, body).then((r) => r.recording);

/** The chunk-by-chunk door the uploader uses for recording `id`. */
export function chunkServer(id: string): ChunkServer {
  return {
    put: (index, blob) =>
      api<void>("PUT", `/recordings/${id}/chunks/${index}`, undefined, {
        type: "application/octet-stream",
        data: blob,
      }),
    received: async () => (await readRecording(id)).receivedChunks,
  };
}

export const sendPoster = (id: string, poster: Blob) =>
  api<void>("PUT", `/recordings/${id}/poster`, undefined, { type: poster.type, data: poster });

/** A whole video file (multipart: the fields, then the file), with upload progress. */
export function uploadVideoFile(
  file: File,
  durationMs: number | null,
  onProgress: (fraction: number) => void,
) {
  const form = new FormData();
  if (durationMs !== null) form.append("durationMs", String(Math.round(durationMs)));
  form.append("file", file, file.name);
  return upload<OneRecording>("/recordings/upload", { data: form }, onProgress).then((r) => r.recording);
}

export interface VideoUpdateBody {
  kind: "video";
  recordingId: string;
  title: string;
  body: string;
  audience: AudienceInput;
}

export const postVideoUpdate = (body: VideoUpdateBody) =>
  api<{ update: { id: string } }>("POST", "/updates", body).then((r) => r.update);
