import { call } from "../support/harness";
import type { MatrixContext, RouteCase } from "../support/matrix";
import { everyRole, membersOwn } from "../support/matrix";

/** The head of an MP4 file (an `ftyp` box, all ASCII, so it travels as a string payload) and filler. */
const MP4 = `\u0000\u0000\u0000\u0018ftypisom\u0000\u0000\u0002\u0000isomiso2${"x".repeat(200)}`;
const BOUNDARY = "matrix-boundary";
const MULTIPART = [
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\nMatrix upload\r\n`,
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="clip.mp4"\r\n`,
  `Content-Type: video/mp4\r\n\r\n${MP4}\r\n--${BOUNDARY}--\r\n`,
].join("");

/** A recording the member started (with chunk 0 sent when `withChunk`): only they may send to it. */
async function recordingOf({ env, org }: MatrixContext, withChunk = false): Promise<string> {
  const res = await call(env, "POST", "/api/v1/recordings", {
    as: org.member.caller,
    body: { mimeType: "video/mp4" },
  });
  const id = res.json().recording.id as string;
  if (withChunk) {
    const sent = await call(env, "PUT", `/api/v1/recordings/${id}/chunks/0`, {
      as: org.member.caller,
      payload: MP4,
      headers: { "content-type": "video/mp4" },
    });
    if (sent.statusCode !== 204) throw new Error(`chunk 0 refused: ${sent.body}`);
  }
  return id;
}

export const cases: RouteCase[] = [
  {
    route: "POST /api/v1/recordings",
    prepare: async () => ({ body: { mimeType: "video/webm;codecs=vp9,opus", title: "Matrix recording" } }),
    expect: everyRole(201),
    badInput: { wrongType: { field: "mimeType", value: 1 }, oversized: "title" },
  },
  {
    route: "PUT /api/v1/recordings/:id/chunks/:index",
    prepare: async (ctx) => ({
      url: `/api/v1/recordings/${await recordingOf(ctx)}/chunks/1`,
      payload: "the middle of a recording",
      contentType: "application/octet-stream",
    }),
    expect: membersOwn(204),
  },
  {
    route: "POST /api/v1/recordings/:id/complete",
    prepare: async (ctx) => ({
      url: `/api/v1/recordings/${await recordingOf(ctx, true)}/complete`,
      body: { chunks: 1, durationMs: 2_000 },
    }),
    expect: membersOwn(200),
    badInput: { wrongType: { field: "chunks", value: "one" } },
  },
  {
    route: "DELETE /api/v1/recordings/:id",
    prepare: async (ctx) => ({ url: `/api/v1/recordings/${await recordingOf(ctx, true)}` }),
    expect: membersOwn(204),
  },
  {
    route: "POST /api/v1/recordings/upload",
    prepare: async () => ({ payload: MULTIPART, contentType: `multipart/form-data; boundary=${BOUNDARY}` }),
    expect: everyRole(200),
  },
];
