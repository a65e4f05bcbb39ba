import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { TestPerson } from "../../../../test/support/factories";
import { type Caller, call, type TestEnv } from "../../../../test/support/harness";
import { WEBM_HEAD_BYTES, withDuration } from "../../../core/media/webm-duration";
import { chunkKey, videoKey } from "./keys";
import { recordingChunks, recordings } from "./recordings.table";

/** What the upload tests share: real WebM bytes, raw-byte requests, and what storage and the database hold. */
export const WEBM = await readFile(join(import.meta.dirname, "../demo/assets/walkthrough.webm"));
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
]);
/** A WebM's real header followed by filler: the server reads only the head. */
export const webmOf = (size: number) => Buffer.concat([WEBM.subarray(0, 200), Buffer.alloc(size - 200, 1)]);
/** What the server keeps of a WebM recording: its bytes, with its length written into the header. */
export const withLength = (bytes: Buffer, durationMs: number) => {
  const head = withDuration(bytes.subarray(0, WEBM_HEAD_BYTES), durationMs);
  return head ? Buffer.concat([head, bytes.subarray(WEBM_HEAD_BYTES)]) : bytes;
};
/** WEBM cut into `n` pieces, in order. */
export const piecesOf = (bytes: Buffer, n: number) => {
  const size = Math.ceil(bytes.length / n);
  return Array.from({ length: n }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
};

export function authHeaders(caller: Caller): Record<string, string> {
  if (caller.kind === "session")
    return { cookie: `tandem_session=${caller.cookie}`, "x-csrf-token": caller.csrf };
  return caller.kind === "token" ? { authorization: `Bearer ${caller.token}` } : {};
}

/** Sends raw bytes (a Buffer with its length, or a stream without one). */
export const sendBytes = (
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

export const start = async (on: TestEnv, as: TestPerson, mimeType = "video/webm;codecs=vp9,opus") => {
  const res = await call(on, "POST", "/api/v1/recordings", {
    as: as.caller,
    body: { mimeType, title: "Demo" },
  });
  expect(res.statusCode).toBe(201);
  return res.json().recording.id as string;
};
export const chunk = (on: TestEnv, as: TestPerson, id: string, index: number, bytes: Buffer | Readable) =>
  sendBytes(on, as, "PUT", `/api/v1/recordings/${id}/chunks/${index}`, bytes, "video/webm");
export const complete = (on: TestEnv, as: TestPerson, id: string, chunks: number, durationMs = 5_000) =>
  call(on, "POST", `/api/v1/recordings/${id}/complete`, { as: as.caller, body: { chunks, durationMs } });

export async function storedBytes(on: TestEnv, key: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of await on.deps.storage.read(key)) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
export const heldIndexes = async (on: TestEnv, id: string) =>
  (
    await on.deps.db
      .select({ index: recordingChunks.index })
      .from(recordingChunks)
      .where(eq(recordingChunks.recordingId, id))
      .orderBy(asc(recordingChunks.index))
  ).map((r) => r.index);
export const rowOf = async (on: TestEnv, id: string) =>
  (await on.deps.db.select().from(recordings).where(eq(recordings.id, id)))[0];

/**
 * Completes the recording whose `pieces` were uploaded and checks the video is exactly their concatenation,
 * with the length in a WebM's header.
 */
export async function expectReady(on: TestEnv, as: TestPerson, id: string, pieces: Buffer[]) {
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

/** A multipart body: the fields in order, then the file part (its name and type are only labels), then `after`. */
export function multipart(
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
export const upload = (on: TestEnv, as: TestPerson, body: ReturnType<typeof multipart>) =>
  sendBytes(on, as, "POST", "/api/v1/recordings/upload", body.payload, body.contentType);

/** What the organisation holds in storage (file store): the recordings' folders. */
export async function folders(on: TestEnv, organisationId: string): Promise<string[]> {
  const root = on.deps.config.storageUrl.slice("file:".length);
  return readdir(join(root, "recordings", organisationId)).catch(() => []);
}
