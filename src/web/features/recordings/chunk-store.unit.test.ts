import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChunkStore, type KeptRecording } from "./chunk-store";

const recording = (id: string, personId = "p1", startedAt = 1_000): KeptRecording => ({
  id,
  personId,
  mimeType: "video/webm;codecs=vp9,opus",
  startedAt,
  elapsedMs: 0,
  chunkCount: 0,
  stopped: false,
});

describe("the browser's copy of a recording (IndexedDB)", () => {
  let store: ChunkStore;
  let name = 0;
  beforeEach(async () => {
    name += 1;
    store = await ChunkStore.open(`test-${name}`);
  });
  afterEach(() => store.close());

  it("keeps chunks in order with what the recording holds, and lets each go once confirmed", async () => {
    await store.begin(recording("r1"));
    await store.addChunk("r1", 1, new Blob(["bb"]), 2000);
    await store.addChunk("r1", 0, new Blob(["a"]), 1000);
    await store.addChunk("r1", 2, new Blob(["ccc"]), 3000);
    expect(await store.keptIndexes("r1")).toEqual([0, 1, 2]);
    expect(await (await store.chunk("r1", 1))?.text()).toBe("bb");
    const [kept] = await store.unfinished("p1");
    expect(kept).toMatchObject({ id: "r1", chunkCount: 3, elapsedMs: 3000, stopped: false });

    await store.confirm("r1", 0);
    expect(await store.keptIndexes("r1")).toEqual([1, 2]);
    expect(await store.chunk("r1", 0)).toBeUndefined();
  });

  it("offers a person only their own unfinished recordings, newest first, marked stopped when they were", async () => {
    await store.begin(recording("old", "p1", 1_000));
    await store.begin(recording("new", "p1", 5_000));
    await store.begin(recording("theirs", "p2", 9_000));
    await store.markStopped("old", 4200);
    const mine = await store.unfinished("p1");
    expect(mine.map((r) => r.id)).toEqual(["new", "old"]);
    expect(mine[1]).toMatchObject({ stopped: true, elapsedMs: 4200 });
  });

  it("forgets a recording with every chunk of it, and none of another's", async () => {
    await store.begin(recording("a"));
    await store.begin(recording("b"));
    for (const index of [0, 1, 2]) {
      await store.addChunk("a", index, new Blob([`a${index}`]), index * 1000);
      await store.addChunk("b", index, new Blob([`b${index}`]), index * 1000);
    }
    await store.forget("a");
    expect(await store.keptIndexes("a")).toEqual([]);
    expect(await store.keptIndexes("b")).toEqual([0, 1, 2]);
    expect((await store.unfinished("p1")).map((r) => r.id)).toEqual(["b"]);
  });

  it("keeps what was written across a reopening (a reload)", async () => {
    await store.begin(recording("r"));
    await store.addChunk("r", 0, new Blob(["kept"]), 1000);
    store.close();
    store = await ChunkStore.open(`test-${name}`);
    expect(await (await store.chunk("r", 0))?.text()).toBe("kept");
    expect((await store.unfinished("p1"))[0]?.chunkCount).toBe(1);
  });
});
