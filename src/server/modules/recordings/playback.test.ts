import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRecording, buildTeam, buildUpdate, videoBytes } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { type Caller, call, closeEnv, type TestEnv, testEnv } from "../../../../test/support/harness";
import { startS3, type TestS3 } from "../../../../test/support/s3";

const SIZE = 1000;
const BYTES = videoBytes(SIZE);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(100, 7),
]);

let env: TestEnv;
let o: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  o = await makeOrg(env);
});

const media = (id: string, as: TestPerson, range?: string) =>
  call(env, "GET", `/api/v1/recordings/${id}/media`, {
    as: as.caller,
    ...(range === undefined ? {} : { headers: { range } }),
  });

function authHeaders(caller: Caller): Record<string, string> {
  if (caller.kind === "session")
    return { cookie: `tandem_session=${caller.cookie}`, "x-csrf-token": caller.csrf };
  return caller.kind === "token" ? { authorization: `Bearer ${caller.token}` } : {};
}

const putPoster = (id: string, as: TestPerson, payload: Buffer, contentType = "image/png") =>
  env.app.inject({
    method: "PUT",
    url: `/api/v1/recordings/${id}/poster`,
    payload,
    headers: { ...authHeaders(as.caller), "content-type": contentType },
  });

const errorOf = (res: LightMyRequestResponse) => ({ status: res.statusCode, code: res.json().error.code });

describe("GET /api/v1/recordings/:id/media, from the file store", () => {
  let id: string;
  beforeAll(async () => {
    id = (await buildRecording(env, { org: o, bytes: BYTES })).recording.id;
  });

  it("answers the whole file with its length, Accept-Ranges and a private cache", async () => {
    const res = await media(id, o.member);
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({
      "accept-ranges": "bytes",
      "content-length": String(SIZE),
      "content-type": "video/webm",
      "cache-control": expect.stringMatching(/^private, max-age=\d+$/),
      etag: expect.any(String),
    });
    expect(res.rawPayload.equals(BYTES)).toBe(true);
  });

  it.each([
    ["the first bytes", "bytes=0-9", 0, 9],
    ["a middle", "bytes=400-599", 400, 599],
    ["a suffix", "bytes=-100", 900, 999],
    ["an open end", "bytes=990-", 990, 999],
    ["an end past the file (clipped)", "bytes=950-5000", 950, 999],
  ])("answers %s with 206 and Content-Range", async (_what, range, start, end) => {
    const res = await media(id, o.member, range);
    expect(res.statusCode).toBe(206);
    expect(res.headers["content-range"]).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(res.headers["content-length"]).toBe(String(end - start + 1));
    expect(res.rawPayload.equals(BYTES.subarray(start, end + 1))).toBe(true);
  });

  it("answers a range past the end with 416 and Content-Range: bytes */size", async () => {
    const res = await media(id, o.member, "bytes=1000-");
    expect(errorOf(res)).toEqual({ status: 416, code: "range_not_satisfiable" });
    expect(res.headers["content-range"]).toBe(`bytes */${SIZE}`);
    expect(res.json().error.message).toContain("1000 bytes");
  });

  it("ignores a malformed Range, and serves several ranges as the whole file", async () => {
    for (const range of ["bytes=abc", "bytes=50-10", "lines=1-2", "bytes=0-9,20-29"]) {
      const res = await media(id, o.member, range);
      expect({ range, status: res.statusCode, length: res.rawPayload.length }).toEqual({
        range,
        status: 200,
        length: SIZE,
      });
    }
  });

  it("serves the whole file when If-Range names another version", async () => {
    const res = await call(env, "GET", `/api/v1/recordings/${id}/media`, {
      as: o.member.caller,
      headers: { range: "bytes=0-9", "if-range": '"elsewhere"' },
    });
    expect(res.statusCode).toBe(200);
    const etag = res.headers.etag as string;
    const again = await call(env, "GET", `/api/v1/recordings/${id}/media`, {
      as: o.member.caller,
      headers: { range: "bytes=0-9", "if-range": etag },
    });
    expect(again.statusCode).toBe(206);
  });

  it("answers with the sniffed type, not the one the recorder declared", async () => {
    const { recording } = await buildRecording(env, {
      org: o,
      mimeType: "video/mp4",
      declaredType: "video/webm;codecs=vp9,opus",
    });
    const res = await media(recording.id, o.member, "bytes=0-3");
    expect(res.statusCode).toBe(206);
    expect(res.headers["content-type"]).toBe("video/mp4");
  });

  it("answers 409 while the recording is still uploading", async () => {
    const res = await call(env, "POST", "/api/v1/recordings", {
      as: o.member.caller,
      body: { mimeType: "video/webm" },
    });
    expect(res.statusCode).toBe(201);
    const uploading = res.json().recording.id as string;
    const played = await media(uploading, o.member);
    expect(errorOf(played)).toEqual({ status: 409, code: "conflict" });
    expect(played.json().error.message).toContain("still uploading");
  });
});

describe("who may read a recording", () => {
  it("its owner before posting; a colleague or another organisation gets 404", async () => {
    const { recording } = await buildRecording(env, { org: o });
    const foreign = await makeOrg(env);
    expect((await media(recording.id, o.member)).statusCode).toBe(200);
    for (const who of [o.manager, o.admin, o.owner, foreign.member, foreign.owner]) {
      const res = await media(recording.id, who);
      expect(errorOf(res)).toEqual({ status: 404, code: "not_found" });
      expect(res.json().error.message).toBe("Recording not found");
      expect(
        (await call(env, "GET", `/api/v1/recordings/${recording.id}`, { as: who.caller })).statusCode,
      ).toBe(404);
    }
  });

  it("once posted, whoever may read its update — and nobody else", async () => {
    const { recording } = await buildRecording(env, { org: o });
    const { team } = await buildTeam(env, { org: o, members: [o.manager] });
    await buildUpdate(env, {
      org: o,
      author: o.member,
      kind: "video",
      title: "Walkthrough",
      recordingId: recording.id,
      audience: { teamId: team.id },
    });
    expect((await media(recording.id, o.manager, "bytes=0-9")).statusCode).toBe(206);
    expect((await media(recording.id, o.hr)).statusCode).toBe(404);
    expect((await media(recording.id, (await makeOrg(env)).member)).statusCode).toBe(404);
  });
});

describe("GET /api/v1/recordings/:id and /limits", () => {
  it("shows the recording, with the chunks held while uploading", async () => {
    const started = await call(env, "POST", "/api/v1/recordings", {
      as: o.member.caller,
      body: { mimeType: "video/webm" },
    });
    const id = started.json().recording.id as string;
    const res = await call(env, "GET", `/api/v1/recordings/${id}`, { as: o.member.caller });
    expect(res.json().recording).toMatchObject({ id, status: "uploading", receivedChunks: [] });
  });

  it("answers the limits from the configuration, and no transcripts (the static path wins over :id)", async () => {
    const small = await testEnv({ RECORDING_MAX_MB: "3", RECORDING_MAX_MINUTES: "2" });
    const org = await makeOrg(small);
    const res = await call(small, "GET", "/api/v1/recordings/limits", { as: org.member.caller });
    expect(res.json()).toEqual({ maxBytes: 3 * 1024 * 1024, maxDurationMs: 120_000, transcripts: false });
    await closeEnv(small);
  });
});

describe("poster frames", () => {
  it("its owner sends one (sniffed, not named), and readers get it with its type", async () => {
    const { recording } = await buildRecording(env, { org: o });
    const url = `/api/v1/recordings/${recording.id}/poster`;
    expect((await call(env, "GET", url, { as: o.member.caller })).statusCode).toBe(404);
    expect((await putPoster(recording.id, o.member, PNG, "application/octet-stream")).statusCode).toBe(204);
    const res = await call(env, "GET", url, { as: o.member.caller });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.rawPayload.equals(PNG)).toBe(true);
    const view = await call(env, "GET", `/api/v1/recordings/${recording.id}`, { as: o.member.caller });
    expect(view.json().recording.posterUrl).toBe(url);
  });

  it("refuses what is not an image (415), a larger one (413), and anyone but its owner (404)", async () => {
    const { recording } = await buildRecording(env, { org: o });
    const text = await putPoster(recording.id, o.member, Buffer.from("GIF89a, or so it says"), "image/png");
    expect(errorOf(text)).toEqual({ status: 415, code: "unsupported_media_type" });
    const big = await putPoster(recording.id, o.member, Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]));
    expect(errorOf(big)).toEqual({ status: 413, code: "payload_too_large" });
    expect(big.json().error.message).toContain("2 MB");
    expect(errorOf(await putPoster(recording.id, o.manager, PNG))).toEqual({
      status: 404,
      code: "not_found",
    });
    const view = await call(env, "GET", `/api/v1/recordings/${recording.id}`, { as: o.member.caller });
    expect(view.json().recording.posterUrl).toBeNull();
  });
});

describe("S3 storage", () => {
  let s3: TestS3;
  let s3env: TestEnv;
  beforeAll(async () => {
    s3 = await startS3();
    s3env = await testEnv(s3.env);
  });
  afterAll(async () => {
    await closeEnv(s3env);
    await s3.close();
  });

  it("redirects to a short-lived signed address, where ranges work", async () => {
    const { org, recording } = await buildRecording(s3env, { bytes: BYTES });
    const res = await call(s3env, "GET", `/api/v1/recordings/${recording.id}/media`, {
      as: org.member.caller,
    });
    expect(res.statusCode).toBe(302);
    expect(res.headers["cache-control"]).toBe("no-store");
    const location = res.headers.location as string;
    expect(location).toContain(s3.env.S3_ENDPOINT);
    expect(location).toMatch(/X-Amz-Expires=300\b/);
    const part = await fetch(location, { headers: { range: "bytes=0-9" } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(BYTES.subarray(0, 10))).toBe(true);
  });
});
