import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, closeEnv, type TestEnv, testEnv } from "../../../../test/support/harness";
import { startS3, type TestS3 } from "../../../../test/support/s3";
import { chunkKey, videoKey } from "./keys";
import { recordings } from "./recordings.table";
import {
  chunk,
  complete,
  folders,
  heldIndexes,
  multipart,
  PNG,
  piecesOf,
  rowOf,
  start,
  storedBytes,
  upload,
  WEBM,
  webmOf,
  withLength,
} from "./upload.fixtures";

let env: TestEnv;
let o: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  o = await makeOrg(env);
});

describe("whole-file upload (multipart)", () => {
  it("stores the file as a ready recording, its type sniffed (the name and declared type ignored)", async () => {
    const owner = await makeOrg(env);
    const res = await upload(
      env,
      owner.member,
      multipart({ title: "Sprint demo", durationMs: "4200" }, WEBM, {
        label: { name: "notes.txt", type: "text/plain" },
      }),
    );
    expect(res.statusCode).toBe(200);
    const recording = res.json().recording;
    expect(recording).toMatchObject({
      status: "ready",
      title: "Sprint demo",
      mimeType: "video/webm",
      bytes: WEBM.length,
      durationMs: 4_200,
    });
    expect((await storedBytes(env, videoKey(owner.organisation.id, recording.id))).equals(WEBM)).toBe(true);
    expect(await rowOf(env, recording.id)).toMatchObject({
      ownerId: owner.member.person.id,
      status: "ready",
    });
  });

  it("refuses a PNG named and typed as a WebM, leaving no row and no file", async () => {
    const other = await makeOrg(env);
    const res = await upload(env, other.member, multipart({}, PNG));
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe("unsupported_media_type");
    expect(
      await env.deps.db.select().from(recordings).where(eq(recordings.organisationId, other.organisation.id)),
    ).toEqual([]);
    expect(await folders(env, other.organisation.id)).toEqual([]);
  });

  it("refuses bad fields, a missing file, a field after the file and a body that is not multipart", async () => {
    const cases: [ReturnType<typeof multipart>, number, string][] = [
      [multipart({ durationMs: "soon" }, WEBM), 400, "must be a whole number of milliseconds"],
      [multipart({ durationMs: String(16 * 60_000) }, WEBM), 400, "longer than the 15-minute limit"],
      [multipart({ title: "x".repeat(201) }, WEBM), 400, "at most 200 characters"],
      [multipart({ surprise: "yes" }, WEBM), 400, "Surprise is not part of an upload"],
      [multipart({ title: "No file" }), 400, "Send the video in a part named file"],
    ];
    for (const [body, status, words] of cases) {
      const res = await upload(env, o.member, body);
      expect({ status: res.statusCode, message: res.json().error.message }).toMatchObject({
        status,
        message: expect.stringContaining(words),
      });
    }
    const fieldAfter = await upload(env, o.member, multipart({}, WEBM, { after: { title: "Late" } }));
    expect(fieldAfter.statusCode).toBe(400);
    expect(fieldAfter.json().error.message).toBe("Title must come before the file");
    const json = await call(env, "POST", "/api/v1/recordings/upload", {
      as: o.member.caller,
      body: { file: "x" },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.message).toBe(
      "Send the video as multipart/form-data, with the file in a part named file",
    );
  });
});

describe("the size limit, enforced while streaming (1 MB)", () => {
  let small: TestEnv;
  let s: TestOrg;
  beforeAll(async () => {
    small = await testEnv({ RECORDING_MAX_MB: "1" });
    s = await makeOrg(small);
  });
  afterAll(() => closeEnv(small));
  const LIMIT_MESSAGE =
    "This recording is larger than the 1 MB limit; stop recording or upload a shorter one";

  it("refuses the chunk that takes the total past the limit and keeps nothing of it (with or without its length)", async () => {
    for (const streamed of [false, true]) {
      const id = await start(small, s.member);
      const piece = webmOf(400_000);
      expect((await chunk(small, s.member, id, 0, piece)).statusCode).toBe(204);
      expect((await chunk(small, s.member, id, 1, Buffer.alloc(400_000, 2))).statusCode).toBe(204);
      const third = Buffer.alloc(400_000, 3);
      const res = await chunk(
        small,
        s.member,
        id,
        2,
        streamed ? Readable.from([third.subarray(0, 200_000), third.subarray(200_000)]) : third,
      );
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({ code: "payload_too_large", message: LIMIT_MESSAGE });
      expect(await heldIndexes(small, id)).toEqual([0, 1]);
      expect(await small.deps.storage.size(chunkKey(s.organisation.id, id, 2))).toBeNull();
      expect((await rowOf(small, id))?.bytes).toBe(800_000);
      // A smaller last chunk still fits.
      expect((await chunk(small, s.member, id, 2, Buffer.alloc(100_000, 3))).statusCode).toBe(204);
      const done = await complete(small, s.member, id, 3);
      // 900 000 bytes sent, and 11 more for the length written into the WebM's header.
      expect(done.json().recording).toMatchObject({ status: "ready", bytes: 900_011 });
    }
  });

  it("refuses a 2 MB multipart upload, leaving no row and no file", async () => {
    const other = await makeOrg(small);
    const res = await upload(small, other.member, multipart({ title: "Too long" }, webmOf(2 * 1024 * 1024)));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: "payload_too_large", message: LIMIT_MESSAGE });
    expect(
      await small.deps.db
        .select()
        .from(recordings)
        .where(eq(recordings.organisationId, other.organisation.id)),
    ).toEqual([]);
    expect(await folders(small, other.organisation.id)).toEqual([]);
  });
});

describe("on S3", () => {
  let s3: TestS3;
  let on: TestEnv;
  beforeAll(async () => {
    s3 = await startS3();
    on = await testEnv(s3.env);
  });
  afterAll(async () => {
    await closeEnv(on);
    await s3.close();
  });

  it("joins chunks sent out of order into one object of the right size, the chunks removed", async () => {
    const org = await makeOrg(on);
    const id = await start(on, org.member);
    const pieces = piecesOf(WEBM, 3);
    for (const i of [1, 0, 2])
      expect((await chunk(on, org.member, id, i, pieces[i] as Buffer)).statusCode).toBe(204);
    const res = await complete(on, org.member, id, 3);
    const kept = withLength(WEBM, 5_000);
    expect(res.json().recording).toMatchObject({ status: "ready", bytes: kept.length });
    expect(await on.deps.storage.size(videoKey(org.organisation.id, id))).toBe(kept.length);
    expect((await storedBytes(on, videoKey(org.organisation.id, id))).equals(kept)).toBe(true);
    expect(await on.deps.storage.size(chunkKey(org.organisation.id, id, 0))).toBeNull();
  });
});
