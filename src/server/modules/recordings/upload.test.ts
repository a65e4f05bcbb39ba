import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { chunkKey, videoKey } from "./keys";
import { deleteRecordingFilesJob } from "./recordings.jobs";
import {
  chunk,
  complete,
  expectReady,
  folders,
  heldIndexes,
  PNG,
  piecesOf,
  rowOf,
  sendBytes,
  start,
  storedBytes,
  WEBM,
} from "./upload.fixtures";

let env: TestEnv;
let o: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  o = await makeOrg(env);
});

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
