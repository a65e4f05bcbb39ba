/**
 * The browser's copy of a recording while it uploads (IndexedDB): each chunk the recorder gives is
 * written here first and leaves only once the server confirmed it, so a reload or a dropped
 * connection loses nothing already recorded. One small record per recording says what it was.
 */

/** What the page needs to finish a recording after a reload. */
export interface KeptRecording {
  id: string;
  /** Whose it is: someone else signing in on this browser is never offered it. */
  personId: string;
  mimeType: string;
  /** When recording started (epoch ms). */
  startedAt: number;
  /** Recorded time so far, without pauses. */
  elapsedMs: number;
  /** Chunks recorded so far (indexes 0…chunkCount−1). */
  chunkCount: number;
  /** Whether the recorder was stopped (else the tab went away while recording). */
  stopped: boolean;
}

interface KeptChunk {
  recordingId: string;
  index: number;
  blob: Blob;
}

const RECORDINGS = "recordings";
const CHUNKS = "chunks";

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

const finished = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
  });

/** Every chunk key of one recording: [id, 0] … [id, +∞). */
const chunksOf = (recordingId: string) => IDBKeyRange.bound([recordingId, 0], [recordingId, Infinity]);

export class ChunkStore {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(name = "tandem-recordings"): Promise<ChunkStore> {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(RECORDINGS, { keyPath: "id" });
      request.result.createObjectStore(CHUNKS, { keyPath: ["recordingId", "index"] });
    };
    return new ChunkStore(await done(request));
  }

  async begin(recording: KeptRecording): Promise<void> {
    const tx = this.db.transaction(RECORDINGS, "readwrite");
    tx.objectStore(RECORDINGS).put(recording);
    await finished(tx);
  }

  /** Keeps chunk `index` and, in the same transaction, what the recording now holds. */
  async addChunk(recordingId: string, index: number, blob: Blob, elapsedMs: number): Promise<void> {
    const tx = this.db.transaction([RECORDINGS, CHUNKS], "readwrite");
    const end = finished(tx);
    tx.objectStore(CHUNKS).put({ recordingId, index, blob } satisfies KeptChunk);
    const recordings = tx.objectStore(RECORDINGS);
    const kept = await done(recordings.get(recordingId) as IDBRequest<KeptRecording | undefined>);
    if (kept) recordings.put({ ...kept, elapsedMs, chunkCount: Math.max(kept.chunkCount, index + 1) });
    await end;
  }

  async markStopped(recordingId: string, elapsedMs: number): Promise<void> {
    const tx = this.db.transaction(RECORDINGS, "readwrite");
    const end = finished(tx);
    const recordings = tx.objectStore(RECORDINGS);
    const kept = await done(recordings.get(recordingId) as IDBRequest<KeptRecording | undefined>);
    if (kept) recordings.put({ ...kept, elapsedMs, stopped: true } satisfies KeptRecording);
    await end;
  }

  async chunk(recordingId: string, index: number): Promise<Blob | undefined> {
    const tx = this.db.transaction(CHUNKS);
    const kept = await done(
      tx.objectStore(CHUNKS).get([recordingId, index]) as IDBRequest<KeptChunk | undefined>,
    );
    return kept?.blob;
  }

  /** The indexes still kept (not yet confirmed by the server), in order. */
  async keptIndexes(recordingId: string): Promise<number[]> {
    const tx = this.db.transaction(CHUNKS);
    const keys = await done(tx.objectStore(CHUNKS).getAllKeys(chunksOf(recordingId)));
    return keys.map((key) => (key as [string, number])[1]).sort((a, b) => a - b);
  }

  /** The server confirmed chunk `index`: the browser's copy goes. */
  async confirm(recordingId: string, index: number): Promise<void> {
    const tx = this.db.transaction(CHUNKS, "readwrite");
    tx.objectStore(CHUNKS).delete([recordingId, index]);
    await finished(tx);
  }

  /** Recordings of `personId` left unfinished (the tab was closed or reloaded before the end), newest first. */
  async unfinished(personId: string): Promise<KeptRecording[]> {
    const tx = this.db.transaction(RECORDINGS);
    const all = await done(tx.objectStore(RECORDINGS).getAll() as IDBRequest<KeptRecording[]>);
    return all.filter((r) => r.personId === personId).sort((a, b) => b.startedAt - a.startedAt);
  }

  /** Completed or discarded: the record and every chunk left of it go. */
  async forget(recordingId: string): Promise<void> {
    const tx = this.db.transaction([RECORDINGS, CHUNKS], "readwrite");
    tx.objectStore(RECORDINGS).delete(recordingId);
    tx.objectStore(CHUNKS).delete(chunksOf(recordingId));
    await finished(tx);
  }

  close(): void {
    this.db.close();
  }
}
