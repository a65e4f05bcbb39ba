import { Button, FileInput, Group, Progress, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { ApiError } from "../../../lib/api";
import { type RecordingLimits, type RecordingView, uploadVideoFile } from "../api";
import { ErrorNote, Sentence } from "./ErrorNote";
import { durationOf } from "./poster";

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The server's refusals in words that say what to do next. */
function uploadError(error: unknown, limits: RecordingLimits): unknown {
  if (!(error instanceof ApiError)) return error;
  if (error.status === 415)
    return new Sentence(
      "This file is not a video Tandem can keep (WebM, MP4 or QuickTime; it was checked by its contents). Choose another file, or record the video here.",
    );
  if (error.status === 413)
    return new Sentence(
      `This video is larger than the ${megabytes(limits.maxBytes)} limit. Trim it or export it smaller, then upload it again.`,
    );
  return error;
}

/**
 * "Upload a video file": its length read from the file, then the file sent with a progress bar.
 * Answers the ready recording and a local address of the file (for the poster frame).
 */
export function UploadFile(props: {
  limits: RecordingLimits;
  onUploaded: (recording: RecordingView, src: string) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [fraction, setFraction] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const send = async () => {
    if (!file) return;
    setError(null);
    if (file.size > props.limits.maxBytes) {
      setError(uploadError(new ApiError(413, undefined), props.limits));
      return;
    }
    const src = URL.createObjectURL(file);
    setFraction(0);
    try {
      const durationMs = await durationOf(src);
      const recording = await uploadVideoFile(file, durationMs, setFraction);
      props.onUploaded(recording, src);
    } catch (e) {
      URL.revokeObjectURL(src);
      setError(uploadError(e, props.limits));
    } finally {
      setFraction(null);
    }
  };

  return (
    <Stack>
      <FileInput
        label="Video file"
        description={`WebM, MP4 or QuickTime, at most ${megabytes(props.limits.maxBytes)}.`}
        placeholder="Choose a video"
        accept="video/*"
        value={file}
        onChange={setFile}
        clearable
        maw={420}
      />
      {fraction !== null && (
        <Stack gap={4}>
          <Progress value={fraction * 100} aria-label="Upload progress" />
          <Text size="sm" c="dimmed">
            Uploaded {Math.round(fraction * 100)}%
          </Text>
        </Stack>
      )}
      <ErrorNote error={error} />
      <Group>
        <Button onClick={() => void send()} disabled={!file} loading={fraction !== null}>
          Upload
        </Button>
      </Group>
    </Stack>
  );
}
