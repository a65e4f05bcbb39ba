import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api";
import { ChunkStore } from "./chunk-store";
import { backoffMs, type ChunkServer, ChunkUploader } from "./uploader";

/** A server in memory: holds chunks by index; `fail` makes the next sends fail (network or a refusal). */
function fakeServer() {
  const held = new Map<number, string>();
  const puts: number[] = [];
  const failures: unknown[] = [];
  const server: ChunkServer = {
    async put(index, blob) {
      puts.push(index);
      const failure = failures.shift();
      if (failure === "lost-answer") {
        held.set(index, await blob.text()); // Stored, but the 204 never arrived.
        throw new TypeError("Failed to fetch");
      }
      if (failure) throw failure;
      held.set(index, await blob.text());
    },
    async received() {
      return [...held.keys()];
    },
  };
  return { server, held, puts, failures };
}

describe("the chunk uploader", () => {
  let store: ChunkStore;
  let n = 0;
  const waits: number[] = [];
  const wait = async (ms: number) => {
    waits.push(ms);
  };
  beforeEach(async () => {
    n += 1;
    waits.length = 0;
    store = await ChunkStore.open(`uploader-${n}`);
    await store.begin({
      id: "r",
      personId: "p",
      mimeType: "video/webm",
      startedAt: 0,
      elapsedMs: 0,
      chunkCount: 0,
      stopped: false,
    });
  });

  const add = async (uploader: ChunkUploader, index: number, text: string) => {
    await store.addChunk("r", index, new Blob([text]), index * 1000);
    uploader.add(index, text.length);
  };

  it("sends chunks in order and lets the browser's copy go only after each is confirmed", async () => {
    const { server, held, puts } = fakeServer();
    const uploader = new ChunkUploader(store, "r", server, undefined, wait);
    for (const [i, text] of ["zero", "one", "two"].entries()) await add(uploader, i, text);
    await uploader.drain();
    expect(puts).toEqual([0, 1, 2]);
    expect([...held.entries()]).toEqual([
      [0, "zero"],
      [1, "one"],
      [2, "two"],
    ]);
    expect(await store.keptIndexes("r")).toEqual([]);
    expect(uploader.progress).toMatchObject({ sent: 3, recorded: 3, bytesSent: 10, bytesRecorded: 10 });
  });

  it("tries again with a growing pause after a dropped connection, and resumes from what the server holds", async () => {
    const { server, held, puts, failures } = fakeServer();
    failures.push(undefined, "lost-answer", new TypeError("Failed to fetch"), new ApiError(503, undefined));
    const uploader = new ChunkUploader(store, "r", server, undefined, wait);
    for (const [i, text] of ["a", "b", "c"].entries()) await add(uploader, i, text);
    await uploader.drain();
    // Chunk 1 reached the server although its answer was lost: asked what it holds, the uploader skips it.
    expect(puts).toEqual([0, 1, 2, 2, 2]);
    expect(waits).toEqual([backoffMs(1), backoffMs(2), backoffMs(3)]);
    expect([...held.keys()].sort()).toEqual([0, 1, 2]);
    expect(await store.keptIndexes("r")).toEqual([]);
    expect(uploader.progress.retryInSeconds).toBeNull();
  });

  it("stops at a refusal the server would repeat and keeps the chunk in the browser", async () => {
    const { server, failures } = fakeServer();
    const tooLarge = new ApiError(413, { code: "payload_too_large", message: "too large", requestId: "x" });
    failures.push(undefined, tooLarge);
    const uploader = new ChunkUploader(store, "r", server, undefined, wait);
    await add(uploader, 0, "fits");
    await add(uploader, 1, "too much");
    await expect(uploader.drain()).rejects.toBe(tooLarge);
    expect(await store.keptIndexes("r")).toEqual([1]);
    expect(waits).toEqual([]);
  });

  it("after a reload sends only what the browser still keeps, counting what was sent before", async () => {
    const { server, puts } = fakeServer();
    await store.addChunk("r", 3, new Blob(["ddd"]), 4000);
    const uploader = new ChunkUploader(store, "r", server, undefined, wait);
    uploader.resume({ count: 3, bytes: 30 }, [{ index: 3, bytes: 3 }]);
    await uploader.drain();
    expect(puts).toEqual([3]);
    expect(uploader.progress).toMatchObject({ sent: 4, recorded: 4, bytesSent: 33, bytesRecorded: 33 });
  });
});
