import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { formatDuration } from "../../../lib/duration";
import { useViewer } from "../../../lib/session";
import { formatDateTime } from "../../../lib/time";
import { discardRecording, type RecordingView } from "../api";
import type { ChunkStore, KeptRecording } from "../chunk-store";
import type { UploadProgress } from "../uploader";
import { ErrorNote } from "./ErrorNote";
import { resumeUpload } from "./resume";
import { UploadProgressText } from "./UploadProgressText";

/**
 * A recording this browser kept but did not finish sending (the tab was reloaded or closed): finish
 * uploading what was recorded, or discard it.
 */
export function ResumeOffer(props: {
  store: ChunkStore;
  kept: KeptRecording;
  onFinished: (recording: RecordingView) => void;
  onDiscarded: () => void;
}) {
  const { store, kept } = props;
  const viewer = useViewer();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const when = formatDateTime(kept.startedAt, viewer.zone);

  const finish = async () => {
    setError(null);
    setProgress({ recorded: 0, sent: 0, bytesRecorded: 0, bytesSent: 0, retryInSeconds: null });
    try {
      props.onFinished(await resumeUpload(store, kept, setProgress));
    } catch (e) {
      setError(e);
      setProgress(null);
    }
  };

  return (
    <Alert color="blue" title="A recording was not finished">
      <Stack gap="xs">
        <Text size="sm">
          Your recording from {when} ({formatDuration(kept.elapsedMs)} recorded) is kept in this browser but
          was not fully uploaded.
        </Text>
        {progress && <UploadProgressText progress={progress} />}
        <ErrorNote error={error} />
        <Group gap="xs">
          <Button size="xs" onClick={() => void finish()} loading={progress !== null}>
            Finish uploading your recording from {when}
          </Button>
          <ConfirmButton
            size="xs"
            question="The recording will be deleted, here and on the server; it cannot be brought back."
            confirmLabel="Discard recording"
            disabled={progress !== null}
            onConfirm={() =>
              void discardRecording(kept.id)
                .then(() => store.forget(kept.id))
                .then(props.onDiscarded, setError)
            }
          >
            Discard
          </ConfirmButton>
        </Group>
      </Stack>
    </Alert>
  );
}
