import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { type Caller, call, closeEnv, type TestEnv, testEnv } from "../../../../test/support/harness";
import { startS3, type TestS3 } from "../../../../test/support/s3";
import { WEBM_HEAD_BYTES, withDuration } from "../../../core/media/webm-duration";
import { chunkKey, videoKey } from "./keys";
import { deleteRecordingFilesJob } from "./recordings.jobs";
import { recordingChunks, recordings } from "./recordings.table";

const WEBM = await readFile(join(import.meta.dirname, "../demo/assets/walkthrough.webm"));
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
]);
/** A WebM's real header followed by filler: the server reads only the head. */
const webmOf = (size: number) => Buffer.concat([WEBM.subarray(0, 200), Buffer.alloc(size - 200, 1)]);
/** What the server keeps of a WebM recording: its bytes, with its length written into the header. */
const withLength = (bytes: Buffer, durationMs: number) => {
  const head = withDuration(bytes.subarray(0, WEBM_HEAD_BYTES), durationMs);
  return head ? Buffer.concat([head, bytes.subarray(WEBM_HEAD_BYTES)]) : bytes;
};
/** WEBM cut into `n` pieces, in order. */
const piecesOf = (bytes: Buffer, n: number) => {
  const size = Math.ceil(bytes.length / n);
  return Array.from({ length: n }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
};

let env: TestEnv;
let o: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  o = await makeOrg(env);
});

function authHeaders(caller: Caller): Record<string, string> {
  if (caller.kind === "session")
    return { cookie: `tandem_session=${caller.cookie}`, "x-csrf-token": caller.csrf };
  return caller.kind === "token" ? { authorization: `Bearer ${caller.token}` } : {};
}

/** Sends raw bytes (a Buffer with its length, or a stream without one). */
const sendBytes = (
  on: TestEnv,
  as: TestPerson,
  method: "PUT" | "POST",
  url: string,
  payload: Buffer | Readable,
  contentType: string | null = "application/octet-stream",
) =>
  on.app.inject({
    method,
    url,
    payload,
    headers: { ...authHeaders(as.caller), ...(contentType ? { "content-type": contentType } : {}) },
  });

const start = async (on: TestEnv, as: TestPerson, mimeType = "video/webm;codecs=vp9,opus") => {
  const res = await call(on, "POST", "/api/v1/recordings", {
    as: as.caller,
    body: { mimeType, title: "Demo" },
  });
  expect(res.statusCode).toBe(201);
  return res.json().recording.id as string;
};
const chunk = (on: TestEnv, as: TestPerson, id: string, index: number, bytes: Buffer | Readable) =>
  sendBytes(on, as, "PUT", `/api/v1/recordings/${id}/chunks/${index}`, bytes, "video/webm");
const complete = (on: TestEnv, as: TestPerson, id: string, chunks: number, durationMs = 5_000) =>
  call(on, "POST", `/api/v1/recordings/${id}/complete`, { as: as.caller, body: { chunks, durationMs } });

async function storedBytes(on: TestEnv, key: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of await on.deps.storage.read(key)) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
const heldIndexes = async (on: TestEnv, id: string) =>
  (
    await on.deps.db
      .select({ index: recordingChunks.index })
      .from(recordingChunks)
      .where(eq(recordingChunks.recordingId, id))
      .orderBy(asc(recordingChunks.index))
  ).map((r) => r.index);
const rowOf = async (on: TestEnv, id: string) =>
  (await on.deps.db.select().from(recordings).where(eq(recordings.id, id)))[0];

/**
 * Completes the recording whose `pieces` were uploaded and checks the video is exactly their concatenation,
 * with the length in a WebM's header.
 */
async function expectReady(on: TestEnv, as: TestPerson, id: string, pieces: Buffer[]) {
  const res = await complete(on, as, id, pieces.length, 4_200);
  expect(res.statusCode).toBe(200);
  const whole = withLength(Buffer.concat(pieces), 4_200);
  expect(res.json().recording).toMatchObject({
    id,
    status: "ready",
    mimeType: "video/webm",
    bytes: whole.length,
    durationMs: 4_200,
    receivedChunks: [],
  });
  const organisationId = as.person.organisationId;
  expect((await storedBytes(on, videoKey(organisationId, id))).equals(whole)).toBe(true);
  expect(await on.deps.storage.size(chunkKey(organisationId, id, 0))).toBeNull();
  expect(await heldIndexes(on, id)).toEqual([]);
  expect(await rowOf(on, id)).toMatchObject({ status: "ready", bytes: whole.length, durationMs: 4_200 });
}

describe("chunked upload", () => {
  it("starts a recording, takes its chunks in order and joins them when completed", async () => {
    const id = await start(env, o.member);
    const pieces = piecesOf(WEBM, 4);
    for (const [i, piece] of pieces.entries())
      expect((await chunk(env, o.member, id, i, piece)).statusCode).toBe(204);
    expect(await rowOf(env, id)).toMatchObject({
      mimeType: "video/webm",
      bytes: WEBM.length,
      status: "uploading",
    });
    await expectReady(env, o.member, id, pieces);
  });

  it("writes the recorded length into a WebM's header, which a recorder streaming live leaves out", async () => {
    const id = await start(env, o.member);
    expect((await chunk(env, o.member, id, 0, WEBM)).statusCode).toBe(204);
    expect((await complete(env, o.member, id, 1, 4_200)).statusCode).toBe(200);
    const video = await storedBytes(env, videoKey(o.member.person.organisationId, id));
    const at = video.indexOf(Buffer.from([0x44, 0x89, 0x88])); // Duration, an 8-byte float
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(0x60); // in the header's Info, before the tracks
    expect(video.readDoubleBE(at + 3)).toBe(4_200); // in the file's TimecodeScale: milliseconds
    expect(video.length).toBe(WEBM.length + 11);
  });

  it("takes chunks out of order, with any content type or none (even JSON's: bytes are bytes)", async () => {
    const id = await start(env, o.member);
    const pieces = piecesOf(WEBM, 3);
    for (const [i, type] of [
      [2, null],
      [0, "video/webm;codecs=vp9"],
      [1, "application/json"],
    ] as const) {
      const res = await sendBytes(
        env,
        o.member,
        "PUT",
        `/api/v1/recordings/${id}/chunks/${i}`,
        pieces[i] as Buffer,
        type,
      );
      expect(res.statusCode).toBe(204);
    }
    await expectReady(env, o.member, id, pieces);
  });

  it("resumes after a gap: completing names the missing chunk, sending it completes", async () => {
    const id = await start(env, o.member);
    const pieces = piecesOf(WEBM, 4);
    for (const i of [0, 1, 3]) await chunk(env, o.member, id, i, pieces[i] as Buffer);
    const gap = await complete(env, o.member, id, 4);
    expect(gap.statusCode).toBe(409);
    expect(gap.json().error).toMatchObject({
      code: "conflict",
      message: "Chunk 2 has not arrived; send it and complete again",
      details: { missingChunks: [2] },
    });
    expect(await rowOf(env, id)).toMatchObject({ status: "uploading" });
    expect((await chunk(env, o.member, id, 2, pieces[2] as Buffer)).statusCode).toBe(204);
    await expectReady(env, o.member, id, pieces);
  });

  it("names several missing chunks in one sentence, the first 100 in details", async () => {
    const id = await start(env, o.member);
    await chunk(env, o.member, id, 0, WEBM.subarray(0, 500));
    await chunk(env, o.member, id, 4, WEBM.subarray(500, 600));
    const two = await complete(env, o.member, id, 5);
    expect(two.json().error.message).toBe("Chunks 1, 2 and 3 have not arrived; send them and complete again");
    const many = await complete(env, o.member, id, 300);
    expect(many.json().error.message).toBe(
      "Chunks 1, 2, 3, 5, 6 and 293 others have not arrived; send them and complete again",
    );
    expect(many.json().error.details.missingChunks).toHaveLength(100);
  });

  it("replaces a chunk sent again, and the totals stay right", async () => {
    const id = await start(env, o.member);
    const [first, second] = piecesOf(WEBM, 2) as [Buffer, Buffer];
    await chunk(env, o.member, id, 0, first);
    await chunk(env, o.member, id, 1, Buffer.alloc(999, 3));
    await chunk(env, o.member, id, 1, second);
    expect(await heldIndexes(env, id)).toEqual([0, 1]);
    expect((await rowOf(env, id))?.bytes).toBe(WEBM.length);
    await expectReady(env, o.member, id, [first, second]);
  });

  it("answers the ready recording when completed twice, and refuses chunks after", async () => {
    const id = await start(env, o.member);
    await chunk(env, o.member, id, 0, WEBM);
    const once = await complete(env, o.member, id, 1);
    const twice = await complete(env, o.member, id, 1);
    expect(twice.statusCode).toBe(200);
    expect(twice.json()).toEqual(once.json());
    const late = await chunk(env, o.member, id, 1, WEBM);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe(
      "This recording is already complete; start a new recording to send more",
    );
  });
});

describe("what is refused", () => {
  it("refuses a PNG or text disguised as a WebM by its type, keeping nothing", async () => {
    for (const bytes of [PNG, Buffer.from("just some text pretending to be a video, long enough to sniff")]) {
      const id = await start(env, o.member);
      const res = await chunk(env, o.member, id, 0, bytes);
      expect(res.statusCode).toBe(415);
      expect(res.json().error).toMatchObject({
        code: "unsupported_media_type",
        message:
          "This file is not a WebM, MP4 or QuickTime video (it was checked by its contents, not its name)",
      });
      expect(await heldIndexes(env, id)).toEqual([]);
      expect(await env.deps.storage.size(chunkKey(o.organisation.id, id, 0))).toBeNull();
      expect(await rowOf(env, id)).toMatchObject({ mimeType: null, bytes: 0 });
    }
  });

  it("keeps an MP4 declared as MP4 or QuickTime (one family of boxes), with the sniffed type", async () => {
    const mp4 = Buffer.concat([Buffer.from("\0\0\0\x18ftypmp42\0\0\0\0mp42isom"), Buffer.alloc(300, 5)]);
    for (const declared of ["video/mp4", "video/quicktime"]) {
      const id = await start(env, o.member, declared);
      expect((await chunk(env, o.member, id, 0, mp4)).statusCode).toBe(204);
      const res = await complete(env, o.member, id, 1);
      expect(res.json().recording).toMatchObject({
        status: "ready",
        mimeType: "video/mp4",
        bytes: mp4.length,
      });
    }
  });

  it("refuses a WebM sent for a recording declared as MP4", async () => {
    const id = await start(env, o.member, "video/mp4");
    const res = await chunk(env, o.member, id, 0, WEBM);
    expect(res.statusCode).toBe(415);
    expect(await heldIndexes(env, id)).toEqual([]);
  });

  it("refuses bad chunk addresses, empty chunks and bad completions with sentences", async () => {
    const id = await start(env, o.member);
    for (const [url, field] of [
      [`/api/v1/recordings/${id}/chunks/-1`, "index"],
      [`/api/v1/recordings/${id}/chunks/abc`, "index"],
      [`/api/v1/recordings/${id}/chunks/10000`, "index"],
      ["/api/v1/recordings/not-an-id/chunks/0", "id"],
    ] as const) {
      const res = await sendBytes(env, o.member, "PUT", url, WEBM);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
      expect(res.json().error.message).toMatch(/^[A-Z].*(whole number|0 or more|less than|UUID)/);
    }
    const empty = await chunk(env, o.member, id, 0, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe("The chunk is empty; send its bytes");

    await chunk(env, o.member, id, 0, WEBM.subarray(0, 1000));
    await chunk(env, o.member, id, 1, WEBM.subarray(1000));
    const beyond = await complete(env, o.member, id, 1);
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().error.message).toContain("chunk 1 has arrived too");
    const long = await complete(env, o.member, id, 2, 15 * 60_000 + 5_001);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toBe(
      "The recording is longer than the 15-minute limit; record or upload a shorter one",
    );
    const withinSlack = await complete(env, o.member, id, 2, 15 * 60_000 + 5_000);
    expect(withinSlack.statusCode).toBe(200);
    for (const body of [{ chunks: 0, durationMs: 1 }, { chunks: 1 }, { chunks: 1, durationMs: -1 }]) {
      const res = await call(env, "POST", `/api/v1/recordings/${id}/complete`, { as: o.member.caller, body });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
    }
  });

  it("refuses a type Tandem does not keep when starting", async () => {
    const res = await call(env, "POST", "/api/v1/recordings", {
      as: o.member.caller,
      body: { mimeType: "image/png" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("must be a video type Tandem keeps");
  });

  it("answers 404 for another person's recording and another organisation's", async () => {
    const id = await start(env, o.member);
    await chunk(env, o.member, id, 0, WEBM);
    const other = await makeOrg(env);
    for (const stranger of [o.manager, o.owner, other.member]) {
      expect((await chunk(env, stranger, id, 1, WEBM)).statusCode).toBe(404);
      const res = await complete(env, stranger, id, 1);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe("Recording not found");
    }
    expect(await heldIndexes(env, id)).toEqual([0]);
  });
});

describe("discarding a recording", () => {
  it("lets its owner discard one not posted: gone at once, its files removed by the job", async () => {
    const id = await start(env, o.member);
    await chunk(env, o.member, id, 0, WEBM);
    for (const stranger of [o.owner, o.manager])
      expect(
        (await call(env, "DELETE", `/api/v1/recordings/${id}`, { as: stranger.caller })).statusCode,
      ).toBe(404);
    expect((await call(env, "DELETE", `/api/v1/recordings/${id}`, { as: o.member.caller })).statusCode).toBe(
      204,
    );
    expect((await call(env, "GET", `/api/v1/recordings/${id}`, { as: o.member.caller })).statusCode).toBe(
      404,
    );
    expect((await chunk(env, o.member, id, 1, WEBM)).statusCode).toBe(404);
    expect((await rowOf(env, id))?.status).toBe("deleting");
    await deleteRecordingFilesJob.handle(env.deps, { organisationId: o.organisation.id, recordingIds: [id] });
    expect(await rowOf(env, id)).toBeUndefined();
    expect(await folders(env, o.organisation.id)).not.toContain(id);
  });

  it("refuses to discard a posted recording: its update is what is deleted", async () => {
    const id = await start(env, o.member);
    await chunk(env, o.member, id, 0, WEBM);
    await complete(env, o.member, id, 1);
    const posted = await call(env, "POST", "/api/v1/updates", {
      as: o.member.caller,
      body: { kind: "video", recordingId: id, title: "Posted", audience: { organisation: true } },
    });
    expect(posted.statusCode).toBe(201);
    const res = await call(env, "DELETE", `/api/v1/recordings/${id}`, { as: o.member.caller });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      "This recording is posted as an update; delete the update to delete its video",
    );
    expect((await rowOf(env, id))?.status).toBe("ready");
  });
});

/** A multipart body: the fields in order, then the file part (its name and type are only labels), then `after`. */
function multipart(
  fields: Record<string, string>,
  file?: Buffer,
  { label = { name: "walkthrough.webm", type: "video/webm" }, after = {} as Record<string, string> } = {},
) {
  const boundary = "----tandem-test-boundary";
  const field = ([name, value]: [string, string]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const parts: Buffer[] = Object.entries(fields).map(field);
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${label.name}"\r\nContent-Type: ${label.type}\r\n\r\n`,
      ),
      file,
      Buffer.from("\r\n"),
    );
  }
  parts.push(...Object.entries(after).map(field), Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
const upload = (on: TestEnv, as: TestPerson, body: ReturnType<typeof multipart>) =>
  sendBytes(on, as, "POST", "/api/v1/recordings/upload", body.payload, body.contentType);

/** What the organisation holds in storage (file store): the recordings' folders. */
async function folders(on: TestEnv, organisationId: string): Promise<string[]> {
  const root = on.deps.config.storageUrl.slice("file:".length);
  return readdir(join(root, "recordings", organisationId)).catch(() => []);
}

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
