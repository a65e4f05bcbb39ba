import { Image, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import { Loading } from "../../components/Loading";
import { formatDuration } from "../../lib/duration";
import { useViewer } from "../../lib/session";
import { type RecordingView, sendPoster, useRecordingLimits } from "./api";
import { ChunkStore, type KeptRecording } from "./chunk-store";
import { ErrorNote, Sentence } from "./record/ErrorNote";
import { PostVideoForm } from "./record/PostVideoForm";
import { posterFrom } from "./record/poster";
import { Recorder } from "./record/Recorder";
import { ResumeOffer } from "./record/ResumeOffer";
import type { RecordingSession } from "./record/session";
import { UploadFile } from "./record/UploadFile";

let opened: Promise<ChunkStore> | null = null;
/** One connection to the browser's copy of recordings for the whole app. */
const chunkStore = () => {
  opened ??= ChunkStore.open().catch((error) => {
    opened = null;
    throw error;
  });
  return opened;
};

/** The browser's store and this person's unfinished recordings; `reload` reads them again. */
function useKeptRecordings(personId: string) {
  const [store, setStore] = useState<ChunkStore | null>(null);
  const [kept, setKept] = useState<KeptRecording[]>([]);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      const s = await chunkStore();
      setStore(s);
      setKept(await s.unfinished(personId));
    } catch {
      setError(
        new Sentence(
          "This browser does not let Tandem keep a recording while it uploads (private browsing can do this). Upload a video file instead.",
        ),
      );
    }
  }, [personId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { store, kept, error, reload };
}

/** Makes the poster frame from a local copy of the video and sends it; a video without one still posts. */
async function addPoster(recording: RecordingView, src: string): Promise<boolean> {
  try {
    const poster = await posterFrom(src, recording.durationMs);
    if (!poster) return false;
    await sendPoster(recording.id, poster);
    return true;
  } catch {
    return false;
  } finally {
    URL.revokeObjectURL(src);
  }
}

/**
 * "Record a video update": record the camera, the screen or both (uploading while recording), or
 * upload a video file; then a title, who it is for and a message, and it is posted as an update.
 * A recording left unfinished by a reload is offered back first.
 */
export function RecordVideoPage() {
  const viewer = useViewer();
  const limits = useRecordingLimits();
  const { store, kept, error, reload } = useKeptRecordings(viewer.person.id);
  const [mode, setMode] = useState<"record" | "upload">("record");
  const [ready, setReady] = useState<{ recording: RecordingView; poster: boolean } | null>(null);
  const [making, setMaking] = useState(false);

  const finished = useCallback(async (recording: RecordingView, src: string | null) => {
    setMaking(true);
    const poster = src ? await addPoster(recording, src) : false;
    setMaking(false);
    setReady({ recording, poster });
  }, []);
  const recorded = useCallback(
    (session: RecordingSession, state: { recording: RecordingView | null }) => {
      if (!state.recording) return;
      const src = URL.createObjectURL(new Blob(session.blobs, { type: session.mimeType }));
      void finished(state.recording, src);
    },
    [finished],
  );
  // After a reload this tab no longer has the first chunks: the poster comes from the server's copy.
  const resumed = useCallback(
    (recording: RecordingView) => {
      void reload();
      void finished(recording, recording.status === "ready" ? recording.mediaUrl : null);
    },
    [finished, reload],
  );
  const failed = useCallback(() => void reload(), [reload]);

  if (!limits.data) return <Loading error={limits.error} />;

  return (
    <Stack>
      <Title order={1} size="h2">
        Record a video update
      </Title>
      {ready ? (
        <>
          <Text>
            Your video ({formatDuration(ready.recording.durationMs ?? 0)}) is uploaded. Give it a title and
            say who it is for.
          </Text>
          {ready.poster && (
            <Image
              src={`/api/v1/recordings/${ready.recording.id}/poster`}
              alt="The video's poster frame"
              maw={320}
              radius="sm"
            />
          )}
          <PostVideoForm recordingId={ready.recording.id} />
        </>
      ) : making ? (
        <Loading />
      ) : (
        <>
          {store &&
            kept.map((k) => (
              <ResumeOffer key={k.id} store={store} kept={k} onFinished={resumed} onDiscarded={failed} />
            ))}
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as "record" | "upload")}
            data={[
              { value: "record", label: "Record" },
              { value: "upload", label: "Upload a video file" },
            ]}
            aria-label="Record or upload"
            maw={420}
          />
          {mode === "record" && error && <ErrorNote error={error} />}
          {mode === "record" && store && (
            <Recorder store={store} limits={limits.data} onRecorded={recorded} onFailed={failed} />
          )}
          {mode === "upload" && (
            <UploadFile limits={limits.data} onUploaded={(r, src) => void finished(r, src)} />
          )}
        </>
      )}
    </Stack>
  );
}
