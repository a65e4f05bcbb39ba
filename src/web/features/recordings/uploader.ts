import { ApiError } from "../../lib/api";
import type { ChunkStore } from "./chunk-store";

/** How the uploader reaches the server (the real one in api.ts; tests pass their own). */
export interface ChunkServer {
  /** PUT chunk `index`; resolves on its 204. */
  put(index: number, blob: Blob): Promise<void>;
  /** The chunk indexes the server already holds (`GET /recordings/:id`'s `receivedChunks`). */
  received(): Promise<number[]>;
}

export interface UploadProgress {
  recorded: number;
  sent: number;
  bytesRecorded: number;
  bytesSent: number;
  /** Set while the connection is down: the next try is due in this many seconds. */
  retryInSeconds: number | null;
}

/** Waits `ms`, or less when the browser says it is back online. */
function waitOrOnline(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      globalThis.removeEventListener?.("online", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    globalThis.addEventListener?.("online", done);
  });
}

/** 0.5 s, 1 s, 2 s … at most 30 s between tries. */
export const backoffMs = (attempt: number) => Math.min(30_000, 500 * 2 ** Math.max(0, attempt - 1));

/** A refusal that sending again cannot change (too large, not a video, no longer uploading…). */
const isFinal = (error: unknown) =>
  error instanceof ApiError &&
  error.status >= 400 &&
  error.status < 500 &&
  ![408, 429].includes(error.status);

/**
 * One queue that sends a recording's chunks in order, each read from the browser's copy and removed
 * from it only after the server's 204. A failed send is tried again with a growing pause, after asking
 * the server what it holds (so a dropped connection resumes from the last confirmed chunk); a
 * refusal the server would repeat stops the queue with that error.
 */
export class ChunkUploader {
  private readonly pending = new Set<number>();
  private running = false;
  private failure: unknown = null;
  private waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  readonly progress: UploadProgress = {
    recorded: 0,
    sent: 0,
    bytesRecorded: 0,
    bytesSent: 0,
    retryInSeconds: null,
  };

  constructor(
    private readonly store: Pick<ChunkStore, "chunk" | "confirm">,
    private readonly recordingId: string,
    private readonly server: ChunkServer,
    private readonly onChange: (progress: UploadProgress) => void = () => {},
    private readonly wait: (ms: number) => Promise<void> = waitOrOnline,
  ) {}

  /** A chunk now kept in the browser, to send. */
  add(index: number, bytes: number): void {
    this.progress.recorded += 1;
    this.progress.bytesRecorded += bytes;
    this.pending.add(index);
    this.changed();
    void this.run();
  }

  /** After a reload: chunks already sent (counted as sent) and those still kept here (to send). */
  resume(sent: { count: number; bytes: number }, kept: { index: number; bytes: number }[]): void {
    this.progress.recorded += sent.count;
    this.progress.sent += sent.count;
    this.progress.bytesRecorded += sent.bytes;
    this.progress.bytesSent += sent.bytes;
    for (const chunk of kept) this.add(chunk.index, chunk.bytes);
    this.changed();
  }

  /** Resolves once every chunk added so far is confirmed; rejects with the refusal that stopped the queue. */
  drain(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending.size === 0 && !this.running) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private changed() {
    this.onChange({ ...this.progress });
  }

  private settle() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      if (this.failure) w.reject(this.failure);
      else w.resolve();
    }
  }

  private async run(): Promise<void> {
    if (this.running || this.failure) return;
    this.running = true;
    let attempt = 0;
    let checkServer = false;
    while (this.pending.size > 0 && !this.failure) {
      try {
        if (checkServer) {
          await this.skipReceived();
          checkServer = false;
          continue;
        }
        const index = Math.min(...this.pending);
        const blob = await this.store.chunk(this.recordingId, index);
        if (blob) await this.server.put(index, blob);
        await this.confirmed(index, blob?.size ?? 0);
        attempt = 0;
      } catch (error) {
        if (isFinal(error)) {
          this.failure = error;
          break;
        }
        attempt += 1;
        checkServer = true;
        const pause = backoffMs(attempt);
        this.progress.retryInSeconds = Math.ceil(pause / 1000);
        this.changed();
        await this.wait(pause);
      }
    }
    this.running = false;
    this.settle();
  }

  /** After a failure: what the server holds already need not go again. */
  private async skipReceived() {
    const held = new Set(await this.server.received());
    for (const index of [...this.pending].filter((i) => held.has(i))) {
      const blob = await this.store.chunk(this.recordingId, index);
      await this.confirmed(index, blob?.size ?? 0);
    }
  }

  private async confirmed(index: number, bytes: number) {
    await this.store.confirm(this.recordingId, index);
    this.pending.delete(index);
    this.progress.sent += 1;
    this.progress.bytesSent += bytes;
    this.progress.retryInSeconds = null;
    this.changed();
  }
}
