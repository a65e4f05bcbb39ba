import { readFile } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildRecording, buildTeam } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { JOBS } from "../../modules";
import { recordings, videoKey } from "../recordings";
import { updates } from "./updates.table";

/** 4 s of Chromium's fake camera as MediaRecorder writes it (the demo's walkthrough). */
const ASSET = new URL("../demo/assets/walkthrough.webm", import.meta.url);
/** What `buildRecording` says its recordings last. */
const DURATION_MS = 5_000;

let env: TestEnv;
let assetBytes: Buffer;
beforeAll(async () => {
  env = await testEnv();
  assetBytes = await readFile(ASSET);
});

/** A ready recording of `owner`'s holding the asset (`buildRecording`), or one still uploading. */
async function recordingOf(o: TestOrg, owner: TestPerson, status: "ready" | "uploading" = "ready") {
  if (status === "ready") return (await buildRecording(env, { org: o, owner, bytes: assetBytes })).recording;
  const [row] = await env.deps.db
    .insert(recordings)
    .values({ organisationId: o.organisation.id, ownerId: owner.person.id, declaredType: "video/webm" })
    .returning();
  if (!row) throw new Error("no recording row");
  return row;
}

/** An organisation whose member leads a team with the manager in it; HR is outside the team. */
async function teamOrg() {
  const o = await makeOrg(env);
  const { team } = await buildTeam(env, { org: o, lead: o.member, members: [o.manager] });
  return { o, team };
}

const postVideo = (
  as: TestPerson,
  teamId: string,
  recordingId: string,
  extra: Record<string, unknown> = {},
) =>
  call(env, "POST", "/api/v1/updates", {
    as: as.caller,
    body: { kind: "video", title: "How the new flow works", audience: { teamId }, recordingId, ...extra },
  });
const comment = (as: TestPerson, updateId: string, body: Record<string, unknown>) =>
  call(env, "POST", `/api/v1/updates/${updateId}/comments`, { as: as.caller, body });
const media = (as: TestPerson, recordingId: string) =>
  call(env, "GET", `/api/v1/recordings/${recordingId}/media`, { as: as.caller });

describe("a video update", () => {
  it("is posted with the author's ready recording and shown with it in the feed and the thread", async () => {
    const { o, team } = await teamOrg();
    const recording = await recordingOf(o, o.member);
    const res = await postVideo(o.member, team.id, recording.id);
    expect(res.statusCode).toBe(201);
    const posted = res.json().update;
    const shown = {
      id: recording.id,
      status: "ready",
      mimeType: "video/webm",
      bytes: assetBytes.length,
      durationMs: DURATION_MS,
      mediaUrl: `/api/v1/recordings/${recording.id}/media`,
    };
    expect(posted).toMatchObject({ kind: "video", body: "", recording: shown });
    const [row] = await env.deps.db.select().from(updates).where(eq(updates.id, posted.id));
    expect(row?.recordingId).toBe(recording.id);

    const feed = (await call(env, "GET", "/api/v1/updates", { as: o.manager.caller })).json().updates;
    expect(feed.find((u: { id: string }) => u.id === posted.id)?.recording).toMatchObject(shown);
    const thread = await call(env, "GET", `/api/v1/updates/${posted.id}`, { as: o.manager.caller });
    expect(thread.json().update.recording).toMatchObject(shown);
    // A status in the same feed has none.
    await call(env, "POST", "/api/v1/updates", {
      as: o.member.caller,
      body: { kind: "status", title: "Plain", body: "Words", audience: { teamId: team.id } },
    });
    const again = (await call(env, "GET", "/api/v1/updates", { as: o.manager.caller })).json().updates;
    const recordingOfKind = (kind: string) =>
      again.find((u: { kind: string }) => u.kind === kind)?.recording as unknown;
    expect(recordingOfKind("status")).toBeNull();
    expect(recordingOfKind("video")).toMatchObject(shown);
  });

  it("is played by its audience; anyone else, in the organisation or not, gets 404", async () => {
    const { o, team } = await teamOrg();
    const recording = await recordingOf(o, o.member);
    expect((await postVideo(o.member, team.id, recording.id)).statusCode).toBe(201);
    const played = await media(o.manager, recording.id);
    expect(played.statusCode).toBe(200);
    expect(played.headers["content-type"]).toContain("video/webm");
    expect(played.rawPayload.equals(assetBytes)).toBe(true);
    expect((await media(o.hr, recording.id)).statusCode).toBe(404);
    const foreign = await makeOrg(env);
    expect((await media(foreign.owner, recording.id)).statusCode).toBe(404);
  });

  it("refuses someone else's recording (404), an unfinished one (400) and one already posted (409)", async () => {
    const { o, team } = await teamOrg();
    const managers = await recordingOf(o, o.manager);
    expect((await postVideo(o.member, team.id, managers.id)).statusCode).toBe(404);
    const foreign = await makeOrg(env);
    const foreigners = await recordingOf(foreign, foreign.member);
    expect((await postVideo(o.member, team.id, foreigners.id)).statusCode).toBe(404);

    const uploading = await recordingOf(o, o.member, "uploading");
    const early = await postVideo(o.member, team.id, uploading.id);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toMatch(/uploading/);

    const ready = await recordingOf(o, o.member);
    expect((await postVideo(o.member, team.id, ready.id)).statusCode).toBe(201);
    const twice = await postVideo(o.member, team.id, ready.id, { title: "Again" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/^This recording is already posted as an update/);
    // Nothing half-written: one update points at it.
    const pointing = await env.deps.db.select().from(updates).where(eq(updates.recordingId, ready.id));
    expect(pointing).toHaveLength(1);
  });

  it("is posted once when the same recording is posted twice at the same moment (409 for the other)", async () => {
    const { o, team } = await teamOrg();
    const ready = await recordingOf(o, o.member);
    const both = await Promise.all([
      postVideo(o.member, team.id, ready.id, { title: "One" }),
      postVideo(o.member, team.id, ready.id, { title: "Two" }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const refused = both.find((r) => r.statusCode === 409);
    expect(refused?.json().error.message).toMatch(/^This recording is already posted as an update/);
    const pointing = await env.deps.db.select().from(updates).where(eq(updates.recordingId, ready.id));
    expect(pointing).toHaveLength(1);
  });

  it("needs a recording, and only a video carries one (sentences naming the field)", async () => {
    const { o, team } = await teamOrg();
    const missing = await call(env, "POST", "/api/v1/updates", {
      as: o.member.caller,
      body: { kind: "video", title: "No video", audience: { teamId: team.id } },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({
      message: "Recording: a video update needs its recording: record or upload the video first",
      details: { fields: [expect.objectContaining({ path: "recordingId" })] },
    });
    const ready = await recordingOf(o, o.member);
    const onStatus = await call(env, "POST", "/api/v1/updates", {
      as: o.member.caller,
      body: { kind: "status", title: "S", body: "B", audience: { teamId: team.id }, recordingId: ready.id },
    });
    expect(onStatus.statusCode).toBe(400);
    expect(onStatus.json().error).toMatchObject({
      message: "Recording: only a video update carries a recording",
      details: { fields: [expect.objectContaining({ path: "recordingId" })] },
    });
    const noBody = await call(env, "POST", "/api/v1/updates", {
      as: o.member.caller,
      body: { kind: "status", title: "S", audience: { teamId: team.id } },
    });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(["body"]);
  });
});

describe("timed comments", () => {
  it("point at a moment of the video, replies too, and the thread shows it", async () => {
    const { o, team } = await teamOrg();
    const recording = await recordingOf(o, o.member);
    const video = (await postVideo(o.member, team.id, recording.id)).json().update;
    const asked = await comment(o.manager, video.id, { body: "What is this button?", atMs: 2000 });
    expect(asked.statusCode).toBe(201);
    expect(asked.json().comment.atMs).toBe(2000);
    const reply = await comment(o.member, video.id, {
      body: "The survey",
      parentId: asked.json().comment.id,
      atMs: 3500,
    });
    expect(reply.statusCode).toBe(201);
    const plain = await comment(o.manager, video.id, { body: "Thanks" });
    expect(plain.json().comment.atMs).toBeNull();
    const thread = (await call(env, "GET", `/api/v1/updates/${video.id}`, { as: o.manager.caller })).json();
    expect(
      thread.update.comments.map((c: { body: string; atMs: number | null }) => [c.body, c.atMs]),
    ).toEqual([
      ["What is this button?", 2000],
      ["The survey", 3500],
      ["Thanks", null],
    ]);
    // The very end is a moment of the video.
    expect((await comment(o.manager, video.id, { body: "End", atMs: DURATION_MS })).statusCode).toBe(201);
  });

  it("are refused on an update that is not a video, past the video's end, and when not whole milliseconds", async () => {
    const { o, team } = await teamOrg();
    const status = (
      await call(env, "POST", "/api/v1/updates", {
        as: o.member.caller,
        body: { kind: "status", title: "S", body: "B", audience: { teamId: team.id } },
      })
    ).json().update;
    const onStatus = await comment(o.manager, status.id, { body: "At 2 s", atMs: 2000 });
    expect(onStatus.statusCode).toBe(400);
    expect(onStatus.json().error).toMatchObject({
      message: "Moment in the video: only a comment on a video can point at a moment",
      details: { fields: [expect.objectContaining({ path: "atMs" })] },
    });
    const recording = await recordingOf(o, o.member);
    const video = (await postVideo(o.member, team.id, recording.id)).json().update;
    const late = await comment(o.manager, video.id, { body: "Later", atMs: 65_000 });
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toMatchObject({
      message: "Moment in the video is after the end; the video is only 0:05 long",
      details: { fields: [expect.objectContaining({ path: "atMs" })] },
    });
    for (const atMs of [-1, 1.5, "2000"]) {
      const bad = await comment(o.manager, video.id, { body: "Bad", atMs });
      expect(bad.statusCode, String(atMs)).toBe(400);
      expect(bad.json().error.details.fields[0].path).toBe("atMs");
    }
    // None of the refused comments was kept.
    const thread = (await call(env, "GET", `/api/v1/updates/${video.id}`, { as: o.manager.caller })).json();
    expect(thread.update.comments).toEqual([]);
  });
});

describe("deleting a video update", () => {
  it("lets its recording go: marked deleting at once, its file and row gone once the job runs", async () => {
    const { o, team } = await teamOrg();
    const recording = await recordingOf(o, o.member);
    const video = (await postVideo(o.member, team.id, recording.id)).json().update;
    // The recordings module's layout (its keys are behind its door).
    const key = videoKey(o.organisation.id, recording.id);
    expect(await env.deps.storage.size(key)).toBe(assetBytes.length);
    const deleted = await call(env, "DELETE", `/api/v1/updates/${video.id}`, { as: o.member.caller });
    expect(deleted.statusCode).toBe(204);
    const mine = and(eq(recordings.organisationId, o.organisation.id), eq(recordings.id, recording.id));
    const [marked] = await env.deps.db.select().from(recordings).where(mine);
    expect(marked?.status).toBe("deleting");
    const job = JOBS.find((j) => j.name === "delete-recording-files");
    expect(job).toBeDefined();
    await job?.handle(env.deps, {
      organisationId: o.organisation.id,
      recordingIds: [recording.id],
    });
    expect(await env.deps.storage.size(key)).toBeNull();
    expect(await env.deps.db.select().from(recordings).where(mine)).toEqual([]);
    expect((await media(o.member, recording.id)).statusCode).toBe(404);
  });
});
