import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3, type TestS3 } from "../../../../test/support/s3";
import { openStorage, type Storage, TooLargeError } from "./index";

const MB = 1024 * 1024;

/** Deterministic bytes that differ from one offset to the next, so a shifted range shows. */
function bytes(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + (i >>> 9) + seed) & 0xff;
  return out;
}

/** `data` as a stream of small chunks, the way a browser's upload arrives; `pulled` counts what was read. */
function chunked(data: Buffer, chunkSize = 16 * 1024) {
  const source = { pulled: 0, stream: undefined as unknown as Readable };
  source.stream = Readable.from(
    (function* () {
      for (let at = 0; at < data.length; at += chunkSize) {
        const chunk = data.subarray(at, at + chunkSize);
        source.pulled += chunk.length;
        yield chunk;
      }
    })(),
  );
  return source;
}

const readAll = async (stream: Readable) => Buffer.concat(await stream.toArray());

const s3Config = (s3: TestS3, url: string) => ({
  storageUrl: url,
  dataDir: "",
  s3: {
    endpoint: s3.env.S3_ENDPOINT,
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
  },
});

let s3: TestS3;
let folder: string;
beforeAll(async () => {
  s3 = await startS3();
  folder = await mkdtemp(join(tmpdir(), "tandem-storage-test-"));
});
afterAll(async () => {
  await s3.close();
  await rm(folder, { recursive: true, force: true });
});

const stores: [string, () => Promise<Storage>][] = [
  ["file", () => openStorage({ ...s3Config(s3, `file:${folder}`) })],
  ["s3", () => openStorage(s3Config(s3, `s3://${s3.bucket}/tenant-a`))],
];

describe.each(stores)("%s storage", (kind, open) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await open();
  });
  afterAll(() => storage.close());

  it("keeps a multi-megabyte stream of small chunks whole, and reads ranges of it", async () => {
    expect(storage.kind).toBe(kind);
    const data = bytes(12 * MB + 12_345);
    expect(await storage.put("round/trip", chunked(data).stream, { maxBytes: 20 * MB })).toEqual({
      bytes: data.length,
    });
    expect((await readAll(await storage.read("round/trip"))).equals(data)).toBe(true);
    expect(await storage.size("round/trip")).toBe(data.length);

    const last = data.length - 1;
    for (const [start, end] of [
      [0, 9],
      [6 * MB - 3, 6 * MB + 100],
      [last, last],
    ] as const) {
      const part = await readAll(await storage.read("round/trip", { start, end }));
      expect(part.equals(data.subarray(start, end + 1))).toBe(true);
    }
  });

  it("answers null for the size of nothing, and refuses to read it", async () => {
    expect(await storage.size("never/written")).toBeNull();
    await expect(storage.read("never/written")).rejects.toThrow();
  });

  it("replaces what was under a key", async () => {
    await storage.put("replace/me", Readable.from([Buffer.from("first version, longer")]), { maxBytes: 100 });
    await storage.put("replace/me", Readable.from([Buffer.from("second")]), { maxBytes: 100 });
    expect((await readAll(await storage.read("replace/me"))).toString()).toBe("second");
    expect(await storage.size("replace/me")).toBe(6);
  });

  it("stops a write past maxBytes mid-stream and keeps nothing under the key, not even the old object", async () => {
    await storage.put("too/large", Readable.from([Buffer.from("an earlier object")]), { maxBytes: 100 });
    const data = bytes(24 * MB);
    const source = chunked(data);
    const put = storage.put("too/large", source.stream, { maxBytes: 7 * MB });
    await expect(put).rejects.toBeInstanceOf(TooLargeError);
    await expect(put).rejects.toMatchObject({ maxBytes: 7 * MB });
    expect(source.pulled).toBeLessThan(data.length);
    expect(await storage.size("too/large")).toBeNull();

    const small = storage.put("too/small-limit", Readable.from([bytes(1000)]), { maxBytes: 999 });
    await expect(small).rejects.toBeInstanceOf(TooLargeError);
    expect(await storage.size("too/small-limit")).toBeNull();
  });

  it("fails a write with the error of a body that fails, keeping the earlier object", async () => {
    await storage.put("failing/body", Readable.from([Buffer.from("kept")]), { maxBytes: 100 });
    const refusal = new Error("the sniffer refused it");
    const body = Readable.from(
      (function* () {
        for (let i = 0; i < 8; i++) yield bytes(MB, i);
        throw refusal;
      })(),
    );
    await expect(storage.put("failing/body", body, { maxBytes: 20 * MB })).rejects.toBe(refusal);
    expect((await readAll(await storage.read("failing/body"))).toString()).toBe("kept");
  });

  it("deletes a folder's keys and only those", async () => {
    for (const key of ["folder/a", "folder/b/c", "folder-twin/d", "other/folder/e"])
      await storage.put(key, Readable.from([Buffer.from(key)]), { maxBytes: 100 });
    await storage.deletePrefix("folder/");
    expect(await storage.size("folder/a")).toBeNull();
    expect(await storage.size("folder/b/c")).toBeNull();
    expect(await storage.size("folder-twin/d")).toBe("folder-twin/d".length);
    expect(await storage.size("other/folder/e")).toBe("other/folder/e".length);
    await storage.deletePrefix("folder/"); // nothing left there is fine
  });
});

describe("file storage", () => {
  it("refuses keys that leave its folder", async () => {
    const storage = await openStorage({ ...s3Config(s3, `file:${join(folder, "inner")}`) });
    const body = () => Readable.from([Buffer.from("x")]);
    await expect(storage.put("../escaped", body(), { maxBytes: 10 })).rejects.toThrow(/outside the store/);
    await expect(storage.read("../../etc/passwd")).rejects.toThrow(/outside the store/);
    await expect(storage.deletePrefix("../")).rejects.toThrow(/outside the store/);
    expect(await storage.signedUrl("a", { expiresSeconds: 60, contentType: "video/webm" })).toBeUndefined();
  });
});

describe("s3 storage", () => {
  it("keeps objects under the URL's prefix", async () => {
    const inPrefix = await openStorage(s3Config(s3, `s3://${s3.bucket}/tenant-b/`));
    const whole = await openStorage(s3Config(s3, `s3://${s3.bucket}`));
    await inPrefix.put("a/key", Readable.from([Buffer.from("hello")]), { maxBytes: 10 });
    expect(await whole.size("tenant-b/a/key")).toBe(5);
    expect(await whole.size("a/key")).toBeNull();
    await Promise.all([inPrefix.close(), whole.close()]);
  });

  it("signs an address the browser may fetch a range from, with the content type asked for", async () => {
    const storage = await openStorage(s3Config(s3, `s3://${s3.bucket}/tenant-c`));
    const data = bytes(300_000);
    await storage.put("video", chunked(data).stream, {
      maxBytes: MB,
      contentType: "application/octet-stream",
    });
    const url = await storage.signedUrl("video", { expiresSeconds: 60, contentType: "video/webm" });
    expect(url).toMatch(/X-Amz-Expires=60/);
    const response = await fetch(url as string, { headers: { Range: "bytes=1000-1999" } });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-type")).toBe("video/webm");
    expect(Buffer.from(await response.arrayBuffer()).equals(data.subarray(1000, 2000))).toBe(true);
    await storage.close();
  });
});
