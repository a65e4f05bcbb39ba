import { Alert, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useCallback, useEffect, useRef, useState } from "react";
import { PLAYBACK_RATES, type RecordingView } from "../../../../contracts/recordings";
import { usePlaybackLink } from "./playback";
import { browserStore, keepRate, keptRate, type PlaybackRate, rateLabel } from "./speed";
import { Timeline } from "./Timeline";
import { placeMarks, type TimelineMark } from "./timeline";

const RATE_OPTIONS = PLAYBACK_RATES.map((rate) => ({ value: String(rate), label: rateLabel(rate) }));

export interface VideoPlayerProps {
  recording: RecordingView;
  /** Timed comments, shown as marks under the video. */
  marks?: readonly TimelineMark[];
}

/**
 * A recorded video: the browser's own controls (the server answers range requests, so seeking never
 * downloads the whole file), a speed kept between videos, and under it the timed comments' marks.
 * Inside a `PlaybackProvider` the page can read where it is and send it to a moment.
 */
export function VideoPlayer({ recording, marks = [] }: VideoPlayerProps) {
  if (recording.status === "expired")
    return (
      <Alert color="gray" title="Video deleted">
        This video was deleted after the organisation's retention period; the update and its comments stay.
      </Alert>
    );
  if (recording.status === "uploading")
    return (
      <Alert color="blue" title="Video not ready">
        Still uploading…
      </Alert>
    );
  return <ReadyPlayer recording={recording} marks={marks} />;
}

function ReadyPlayer({ recording, marks }: Required<VideoPlayerProps>) {
  const link = usePlaybackLink();
  const video = useRef<HTMLVideoElement | null>(null);
  const [rate, setRate] = useState<PlaybackRate>(() => keptRate(browserStore()));
  const attach = link?.attach;
  const ref = useCallback(
    (element: HTMLVideoElement | null) => {
      video.current = element;
      attach?.(element);
    },
    [attach],
  );
  // Loading a source resets the speed in some browsers: apply it again once the metadata is in.
  const applyRate = useCallback(() => {
    if (!video.current) return;
    video.current.defaultPlaybackRate = rate;
    video.current.playbackRate = rate;
  }, [rate]);
  useEffect(applyRate, [applyRate]);

  const report = (exact: boolean) => {
    if (video.current) link?.report(Math.floor(video.current.currentTime * 1000), exact);
  };
  const seek = (ms: number) => {
    if (link) return link.seek(ms);
    const element = video.current;
    if (!element) return;
    element.currentTime = ms / 1000;
    element.play().catch(() => {
      // Refused without a gesture the browser counts: the player stays at the moment.
    });
  };
  const changeRate = (value: string) => {
    const next = PLAYBACK_RATES.find((r) => String(r) === value) ?? 1;
    setRate(next);
    keepRate(browserStore(), next);
  };

  return (
    <Stack gap="xs">
      {/* biome-ignore lint/a11y/useMediaCaption: no speech-to-text engine is configured, and Tandem never shows invented captions */}
      <video
        ref={ref}
        src={recording.mediaUrl}
        poster={recording.posterUrl ?? undefined}
        preload="metadata"
        controls
        playsInline
        aria-label={recording.title ?? "The video"}
        onLoadedMetadata={applyRate}
        onTimeUpdate={() => report(false)}
        onPause={() => report(true)}
        onSeeked={() => report(true)}
        style={{ width: "100%", maxHeight: "70vh", background: "black", borderRadius: 4 }}
      />
      <Timeline marks={placeMarks(marks, recording.durationMs)} onSeek={seek} />
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="xs" c="dimmed">
          {marks.length > 0 ? "Dots on the line are comments: choose one to play from there." : ""}
        </Text>
        <NativeSelect
          label="Speed"
          size="xs"
          data={RATE_OPTIONS}
          value={String(rate)}
          onChange={(e) => changeRate(e.currentTarget.value)}
          styles={{ root: { display: "flex", alignItems: "center", gap: 6 } }}
        />
      </Group>
    </Stack>
  );
}
