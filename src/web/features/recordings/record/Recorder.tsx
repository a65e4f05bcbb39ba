import { Alert, Button, Group, Radio, Stack, Text } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { formatDuration } from "../../../lib/duration";
import { useViewer } from "../../../lib/session";
import type { RecordingLimits } from "../api";
import type { ChunkStore } from "../chunk-store";
import { ErrorNote, Sentence } from "./ErrorNote";
import {
  type Capture,
  captureErrorText,
  captureSource,
  pickMimeType,
  SOURCE_LABELS,
  SOURCES,
  type Source,
} from "./media";
import { RecordingSession, type SessionState } from "./session";
import { UploadProgressText } from "./UploadProgressText";
import { useAnnouncer } from "./use-announcer";

const COUNTDOWN = 3;

/** A live preview of what is recorded (muted: the speaker should not hear themselves). */
function Preview({ stream }: { stream: MediaStream }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.srcObject = stream;
  }, [stream]);
  return (
    <video
      ref={ref}
      autoPlay
      muted
      playsInline
      aria-label="Preview of what is recorded"
      style={{ width: "100%", maxWidth: 640, borderRadius: 8, background: "#000" }}
    />
  );
}

/**
 * Choose a source, a 3-2-1 countdown, then record with pause/resume and stop; the timer counts recorded
 * time only, chunks upload while recording, and the instance's limits stop it (saying why). Answers the
 * completed recording with this tab's chunks (for the poster frame).
 */
export function Recorder(props: {
  store: ChunkStore;
  limits: RecordingLimits;
  onRecorded: (session: RecordingSession, state: SessionState) => void;
  /** The upload stopped for good: the page offers to finish it from the browser's copy. */
  onFailed: () => void;
}) {
  const viewer = useViewer();
  const [source, setSource] = useState<Source>("camera");
  const [capture, setCapture] = useState<Capture | null>(null);
  const [countdown, setCountdown] = useState<number | null>(null);
  const [state, setState] = useState<SessionState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [preparing, setPreparing] = useState(false);
  const session = useRef<RecordingSession | null>(null);
  const { announce, region } = useAnnouncer();
  const { onRecorded, onFailed } = props;

  // Leaving the page mid-recording keeps the browser's copy, offered again on the next visit.
  useEffect(
    () => () => {
      const phase = session.current?.phase;
      if (phase === "ready" || phase === "recording" || phase === "paused") session.current?.abandon();
    },
    [],
  );

  useEffect(() => {
    if (countdown === null) return;
    if (countdown === 0) {
      setCountdown(null);
      session.current?.start();
      return;
    }
    announce(String(countdown));
    const timer = setTimeout(() => setCountdown(countdown - 1), 1000);
    return () => clearTimeout(timer);
  }, [countdown, announce]);

  // Once per change of phase (the state itself changes with every tick and every chunk).
  const seenPhase = useRef<string | null>(null);
  useEffect(() => {
    if (!state || seenPhase.current === state.phase) return;
    seenPhase.current = state.phase;
    if (state.phase === "done" && session.current) onRecorded(session.current, state);
    if (state.phase === "finishing") announce(state.stopReason ?? "Recording stopped; finishing the upload");
    if (state.phase === "paused") announce("Paused");
    if (state.phase === "recording" && countdown === null) announce("Recording");
    if (state.phase === "failed") {
      announce("The recording could not be saved");
      onFailed();
    }
  }, [state, countdown, onRecorded, onFailed, announce]);

  // A word each minute for screen readers; the visible timer updates every second.
  const minute = state ? Math.floor(state.elapsedMs / 60_000) : 0;
  useEffect(() => {
    if (minute > 0) announce(`Recording, ${minute} ${minute === 1 ? "minute" : "minutes"}`);
  }, [minute, announce]);

  const start = async () => {
    setError(null);
    const mimeType =
      typeof MediaRecorder === "undefined" ? null : pickMimeType((t) => MediaRecorder.isTypeSupported(t));
    if (!mimeType) {
      setError(new Sentence("This browser cannot record video. Upload a video file instead."));
      return;
    }
    setPreparing(true);
    let captured: Capture | null = null;
    try {
      captured = await captureSource(source);
      setCapture(captured);
      session.current = await RecordingSession.open({
        capture: captured,
        mimeType,
        personId: viewer.person.id,
        store: props.store,
        limits: props.limits,
        onState: setState,
      });
      setCountdown(COUNTDOWN);
    } catch (e) {
      captured?.stop();
      setCapture(null);
      setError(captured ? e : new Sentence(captureErrorText(e)));
    } finally {
      setPreparing(false);
    }
  };

  const cancel = () => {
    setCountdown(null);
    session.current?.abandon();
    if (session.current) void props.store.forget(session.current.id);
    session.current = null;
    setCapture(null);
    setState(null);
  };

  const phase = countdown !== null ? "countdown" : (state?.phase ?? "choose");
  const recording = phase === "recording" || phase === "paused";
  return (
    <Stack>
      {region}
      {phase === "choose" && (
        <Radio.Group label="What to record" value={source} onChange={(v) => setSource(v as Source)}>
          <Group gap="md" mt={4}>
            {SOURCES.map((s) => (
              <Radio key={s} value={s} label={SOURCE_LABELS[s]} />
            ))}
          </Group>
        </Radio.Group>
      )}
      {capture && <Preview stream={capture.stream} />}
      {countdown !== null && (
        <Text size="xl" fw={700} aria-hidden>
          Recording in {countdown}…
        </Text>
      )}
      {state && phase !== "countdown" && (
        <Group gap="md">
          <Text size="xl" fw={700} role="timer" aria-label="Recorded time">
            {formatDuration(state.elapsedMs)}
          </Text>
          <Text c="dimmed" size="sm">
            of at most {formatDuration(props.limits.maxDurationMs)}
            {phase === "paused" ? " · paused" : ""}
          </Text>
        </Group>
      )}
      {state?.stopReason && <Alert color="yellow">{state.stopReason}</Alert>}
      {state && state.progress.recorded > 0 && <UploadProgressText progress={state.progress} />}
      <ErrorNote error={error ?? state?.error} />
      <Group>
        {phase === "choose" && (
          <Button onClick={() => void start()} loading={preparing}>
            Start recording
          </Button>
        )}
        {phase === "countdown" && (
          <Button variant="default" onClick={cancel}>
            Cancel
          </Button>
        )}
        {phase === "recording" && (
          <Button variant="default" onClick={() => session.current?.pause()}>
            Pause
          </Button>
        )}
        {phase === "paused" && (
          <Button variant="default" onClick={() => session.current?.resume()}>
            Resume
          </Button>
        )}
        {recording && (
          <Button color="red.9" onClick={() => session.current?.stop()}>
            Stop
          </Button>
        )}
        {phase === "finishing" && <Text size="sm">Finishing the upload…</Text>}
      </Group>
    </Stack>
  );
}
