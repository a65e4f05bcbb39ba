import { formatDuration } from "../../../lib/duration";
import type { RecordingLimits, RecordingView } from "../api";
import { chunkServer, completeRecording, startRecording } from "../api";
import type { ChunkStore } from "../chunk-store";
import { ChunkUploader, type UploadProgress } from "../uploader";
import { Sentence } from "./ErrorNote";
import type { Capture } from "./media";
import { Stopwatch } from "./stopwatch";

export type Phase = "ready" | "recording" | "paused" | "finishing" | "done" | "failed";

export interface SessionState {
  phase: Phase;
  elapsedMs: number;
  bytes: number;
  progress: UploadProgress;
  /** Why recording stopped by itself (a limit, the screen share ended). */
  stopReason: string | null;
  error: unknown;
  recording: RecordingView | null;
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Sends what is left, completes the recording, then forgets the browser's copy. */
export async function finishUpload(
  store: ChunkStore,
  uploader: ChunkUploader,
  id: string,
  body: { chunks: number; durationMs: number },
): Promise<RecordingView> {
  await uploader.drain();
  const recording = await completeRecording(id, body);
  await store.forget(id);
  return recording;
}

/**
 * One recording: a MediaRecorder giving a chunk a second, each chunk kept in the browser then sent by
 * the uploader while recording goes on; recorded time without pauses; stops itself at the instance's
 * limits (length, or size with room for the last chunk), saying why. `blobs` keeps this tab's chunks
 * for the poster frame.
 */
export class RecordingSession {
  readonly blobs: Blob[] = [];
  private readonly watch = new Stopwatch();
  private recorder: MediaRecorder | null = null;
  private chain: Promise<void> = Promise.resolve();
  private ticker: ReturnType<typeof setInterval> | null = null;
  private largestChunk = 0;
  private abandoned = false;
  private state: SessionState;
  private readonly uploader: ChunkUploader;

  private constructor(
    readonly id: string,
    readonly mimeType: string,
    private readonly capture: Capture,
    private readonly store: ChunkStore,
    private readonly limits: RecordingLimits,
    private readonly onState: (state: SessionState) => void,
  ) {
    this.uploader = new ChunkUploader(store, id, chunkServer(id), (progress) => this.emit({ progress }));
    this.state = {
      phase: "ready",
      elapsedMs: 0,
      bytes: 0,
      progress: { ...this.uploader.progress },
      stopReason: null,
      error: null,
      recording: null,
    };
    capture.onEnded(() => this.stop("Recording stopped because the screen is no longer shared."));
  }

  get phase(): Phase {
    return this.state.phase;
  }

  /** Creates the recording on the server and its record in the browser; `start` begins recording. */
  static async open(options: {
    capture: Capture;
    mimeType: string;
    personId: string;
    store: ChunkStore;
    limits: RecordingLimits;
    onState: (state: SessionState) => void;
  }): Promise<RecordingSession> {
    const { id } = await startRecording(options.mimeType);
    await options.store.begin({
      id,
      personId: options.personId,
      mimeType: options.mimeType,
      startedAt: Date.now(),
      elapsedMs: 0,
      chunkCount: 0,
      stopped: false,
    });
    const { capture, mimeType, store, limits, onState } = options;
    return new RecordingSession(id, mimeType, capture, store, limits, onState);
  }

  start(): void {
    const recorder = new MediaRecorder(this.capture.stream, { mimeType: this.mimeType });
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) this.keep(event.data);
    };
    recorder.onstop = () => void this.finish();
    this.recorder = recorder;
    recorder.start(1000);
    this.watch.start();
    this.ticker = setInterval(() => this.tick(), 250);
    this.emit({ phase: "recording" });
  }

  pause(): void {
    if (this.recorder?.state !== "recording") return;
    this.recorder.pause();
    this.watch.pause();
    this.emit({ phase: "paused", elapsedMs: this.watch.elapsedMs() });
  }

  resume(): void {
    if (this.recorder?.state !== "paused") return;
    this.recorder.resume();
    this.watch.start();
    this.emit({ phase: "recording" });
  }

  stop(reason: string | null = null): void {
    if (!this.recorder || this.recorder.state === "inactive") return;
    this.halt();
    this.emit({ phase: "finishing", stopReason: reason, elapsedMs: this.watch.elapsedMs() });
  }

  /** Leaving the page while recording: the browser's copy stays, to finish on the next visit. */
  abandon(): void {
    this.abandoned = true;
    this.halt();
  }

  private halt() {
    this.watch.pause();
    if (this.ticker) clearInterval(this.ticker);
    if (this.recorder && this.recorder.state !== "inactive") this.recorder.stop();
    this.capture.stop();
  }

  private tick() {
    const elapsedMs = this.watch.elapsedMs();
    this.emit({ elapsedMs });
    if (elapsedMs >= this.limits.maxDurationMs)
      this.stop(`Recording stopped at the ${formatDuration(this.limits.maxDurationMs)} limit.`);
  }

  /** Chunks are kept and queued one after another, in the order the recorder gave them. */
  private keep(blob: Blob) {
    const index = this.blobs.length;
    this.blobs.push(blob);
    this.largestChunk = Math.max(this.largestChunk, blob.size);
    const bytes = this.state.bytes + blob.size;
    this.emit({ bytes });
    const elapsedMs = this.watch.elapsedMs();
    this.chain = this.chain
      .then(() => this.store.addChunk(this.id, index, blob, elapsedMs))
      .then(() => {
        this.uploader.add(index, blob.size);
        // A refusal the server would repeat (too large, …) stops the recording at once.
        this.uploader.drain().catch((error) => this.fail(error));
      })
      .catch((error) => this.fail(error));
    // The last chunk comes after stop: leave room for two of the largest so far.
    if (bytes + 2 * this.largestChunk >= this.limits.maxBytes)
      this.stop(`Recording stopped at the ${megabytes(this.limits.maxBytes)} size limit.`);
  }

  private async finish() {
    if (this.abandoned || this.state.phase === "failed") return;
    try {
      await this.chain;
      const durationMs = this.watch.elapsedMs();
      await this.store.markStopped(this.id, durationMs);
      if (this.blobs.length === 0) throw new Sentence("Nothing was recorded. Try again.");
      const recording = await finishUpload(this.store, this.uploader, this.id, {
        chunks: this.blobs.length,
        durationMs,
      });
      this.emit({ phase: "done", recording });
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown) {
    if (this.state.phase === "failed" || this.abandoned) return;
    this.emit({ phase: "failed", error });
    this.halt();
  }

  private emit(change: Partial<SessionState>) {
    this.state = { ...this.state, ...change };
    this.onState(this.state);
  }
}
