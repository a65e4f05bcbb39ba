import type { IncomingMessage } from "node:http";
import { connect, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, type TestPerson } from "../../test/support/factories";
import { type TestEnv, testEnv } from "../../test/support/harness";
import { buildApp } from "./app";
import { chunkKey } from "./modules/recordings/keys";
import {
  authHeaders,
  chunk,
  expectReady,
  heldIndexes,
  multipart,
  PNG,
  piecesOf,
  rowOf,
  start,
  WEBM,
} from "./modules/recordings/upload.fixtures";

/**
 * A client going away mid-body (a browser reload cutting an upload) must never end the process with
 * an uncaught "aborted": this app listens on a real port and raw sockets send part of a body and
 * then vanish, while the request waits in the hooks, while its handler waits before reading, and
 * while its body is being read — on each kind of route that reads a body.
 */

/** Where the request is made to wait until its client has gone; "body": nowhere, cut while its body is read. */
type Stage = "hooks" | "handler" | "body";
let stage: Stage = "body";
/** Resolved when the request reaches `stage`; set per request by `cut`. */
let reached: () => void = () => undefined;
let lastRequest: IncomingMessage | undefined;
/** Requests whose handling ended in an error (a reader that learned its client had gone). */
const failed = new WeakSet<IncomingMessage>();

const closed = (request: IncomingMessage) =>
  request.destroyed ? Promise.resolve() : new Promise((resolve) => request.once("close", resolve));

let env: TestEnv;
let app: FastifyInstance;
let on: TestEnv;
let o: TestOrg;
let port: number;

beforeAll(async () => {
  env = await testEnv();
  app = await buildApp(env.deps, { logger: false });
  app.addHook("onRequest", async (request) => {
    lastRequest = request.raw;
    if (stage !== "hooks") return;
    reached();
    await closed(request.raw);
  });
  // The handler's first query waits behind a lock held until the client has gone: the body is then
  // left unread for that long (recordings: the chunk's store, the poster's reader).
  app.addHook("preHandler", async (request) => {
    if (stage !== "handler") return;
    let locked: () => void = () => undefined;
    const lock = new Promise<void>((resolve) => {
      locked = resolve;
    });
    void env.deps.db.transaction(async (tx) => {
      await tx.execute(sql`lock table recordings in access exclusive mode`);
      locked();
      await closed(request.raw);
      await sleep(20);
    });
    await lock;
    reached();
  });
  app.addHook("onError", async (request) => {
    failed.add(request.raw);
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  port = (app.server.address() as { port: number }).port;
  on = { deps: env.deps, app };
  o = await makeOrg(env);
});

afterAll(async () => {
  await app.close();
});

const uncaught: unknown[] = [];
const record = (error: unknown) => uncaught.push(error);
beforeEach(() => {
  uncaught.length = 0;
  process.on("uncaughtException", record);
});
afterEach(() => {
  process.off("uncaughtException", record);
});

interface Upload {
  method: "POST" | "PUT";
  path: string;
  as: TestPerson;
  type: string;
  /** The first bytes of a body said to be 200 000 long. */
  first: Buffer;
}

/** Sends `upload`'s head and first bytes, waits for the request to reach `at`, and goes away. */
async function cut(upload: Upload, at: Stage): Promise<void> {
  stage = at;
  const reaching = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const socket = await new Promise<Socket>((resolve, reject) => {
    const s = connect(port, "127.0.0.1", () => resolve(s)).on("error", reject);
  });
  socket.on("error", () => undefined);
  const headers = {
    host: "127.0.0.1",
    "content-type": upload.type,
    "content-length": "200000",
    ...authHeaders(upload.as.caller),
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.write(`${upload.method} ${upload.path} HTTP/1.1\r\n${head.join("")}\r\n`);
  socket.write(upload.first);
  // "body": the server is reading the body and waits for the rest.
  await (at === "body" ? sleep(30) : reaching);
  const request = lastRequest;
  socket.destroy();
  if (!request) throw new Error("the request never reached the app");
  await closed(request);
  stage = "body";
  // A handler that was waiting to read the body learns the client has gone, and fails.
  if (at === "handler") await expect.poll(() => failed.has(request)).toBe(true);
  // What else runs after the client has gone (a parser's error, a row forgotten) has run.
  await sleep(100);
}

/** The app still answers, over the network as a browser asks. */
async function stillAnswers(id: string): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/recordings/${id}`, {
    headers: authHeaders(o.member.caller),
  });
  expect(res.status).toBe(200);
}

const uncaughtMessages = () => uncaught.map((error) => String((error as Error)?.stack ?? error));

describe("a client going away mid-upload", () => {
  const stages: Stage[] = ["hooks", "handler", "body"];

  it.each(stages)("leaves no chunk stored and the process up (cut in: %s)", async (at) => {
    const id = await start(on, o.member);
    const organisationId = o.member.person.organisationId;
    await cut(
      {
        method: "PUT",
        path: `/api/v1/recordings/${id}/chunks/0`,
        as: o.member,
        type: "video/webm",
        first: WEBM.subarray(0, 4096),
      },
      at,
    );
    expect(uncaughtMessages()).toEqual([]);
    expect(await heldIndexes(on, id)).toEqual([]);
    expect(await env.deps.storage.size(chunkKey(organisationId, id, 0))).toBeNull();
    await stillAnswers(id);
    // The recorder sends the chunk again: the recording is made of its bytes alone.
    const pieces = piecesOf(WEBM, 2);
    for (const [i, piece] of pieces.entries())
      expect((await chunk(on, o.member, id, i, piece)).statusCode).toBe(204);
    await expectReady(on, o.member, id, pieces);
  });

  it.each(stages)("keeps no poster frame and the process up (cut in: %s)", async (at) => {
    const id = await start(on, o.member);
    const first = PNG.subarray(0, 100);
    await cut(
      { method: "PUT", path: `/api/v1/recordings/${id}/poster`, as: o.member, type: "image/png", first },
      at,
    );
    expect(uncaughtMessages()).toEqual([]);
    expect((await rowOf(on, id))?.posterType).toBeNull();
    await stillAnswers(id);
  });
});

describe("a client going away mid-body on the other routes that read one", () => {
  const stages: Stage[] = ["hooks", "body"];
  const video = multipart({ title: "Cut short" }, WEBM);
  const routes: [string, () => Upload][] = [
    [
      "JSON",
      () => ({
        method: "POST",
        path: "/api/v1/recordings",
        as: o.member,
        type: "application/json",
        first: Buffer.from('{"mimeType":"video/webm","title":"'),
      }),
    ],
    [
      "a calendar file",
      () => ({
        method: "POST",
        path: `/api/v1/people/${o.member.person.id}/calendars/file?name=Cut`,
        as: o.member,
        type: "text/calendar",
        first: Buffer.from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
      }),
    ],
    [
      "a CSV of people",
      () => ({
        method: "POST",
        path: "/api/v1/people/import",
        as: o.admin,
        type: "text/csv",
        first: Buffer.from("name,email\nAda,ada@example.test\n"),
      }),
    ],
    [
      "a multipart video",
      () => ({
        method: "POST",
        path: "/api/v1/recordings/upload",
        as: o.member,
        type: video.contentType,
        first: video.payload.subarray(0, 4096),
      }),
    ],
  ];

  for (const [name, upload] of routes)
    it.each(stages)(`${name}: the process stays up (cut in: %s)`, async (at) => {
      await cut(upload(), at);
      expect(uncaughtMessages()).toEqual([]);
      await stillAnswers(await start(on, o.member));
    });
});
