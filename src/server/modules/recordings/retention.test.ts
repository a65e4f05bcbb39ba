import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildRecording, buildUpdate } from "../../../../test/support/build";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, freshEnv, type TestEnv } from "../../../../test/support/harness";
import { auditLog } from "../audit/audit.table";
import { chunkKey, posterKey, videoKey } from "./keys";
import { deleteRecordingFilesJob, expireRecordingsJob, sweepAbandonedRecordingsJob } from "./recordings.jobs";
import { recordingChunks, recordings } from "./recordings.table";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SETTINGS = "/api/v1/organisation/recordings";

// Its own database: the sweeps cover every organisation's recordings.
let env: TestEnv;
let o: TestOrg;
beforeAll(async () => {
  env = await freshEnv();
  o = await makeOrg(env);
});

const ago = (ms: number) => new Date(env.deps.clock.now().getTime() - ms);
const rowOf = async (id: string) =>
  (await env.deps.db.select().from(recordings).where(eq(recordings.id, id)))[0];
const stored = (key: string) => env.deps.storage.size(key);
const putByte = (key: string) =>
  env.deps.storage.put(key, Readable.from([Buffer.from("x")]), { maxBytes: 1 });
const setRetention = (org: TestOrg, retentionDays: number | null) =>
  call(env, "PUT", SETTINGS, { as: org.admin.caller, body: { retentionDays } });

describe("GET/PUT /api/v1/organisation/recordings", () => {
  it("keeps files until their update is deleted by default, and admins set a number of days", async () => {
    const org = await makeOrg(env);
    expect((await call(env, "GET", SETTINGS, { as: org.admin.caller })).json()).toEqual({
      retentionDays: null,
    });
    const set = await setRetention(org, 30);
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ retentionDays: 30 });
    expect((await call(env, "GET", SETTINGS, { as: org.owner.caller })).json()).toEqual({
      retentionDays: 30,
    });
    await setRetention(org, 30); // no change: no second audit row
    await setRetention(org, null);
    const audit = await env.deps.db
      .select({ data: auditLog.data, actorId: auditLog.actorId })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.organisationId, org.organisation.id),
          eq(auditLog.action, "recordings.retention_changed"),
        ),
      );
    expect(audit).toEqual(
      expect.arrayContaining([
        { data: { from: null, to: 30 }, actorId: org.admin.person.id },
        { data: { from: 30, to: null }, actorId: org.admin.person.id },
      ]),
    );
    expect(audit).toHaveLength(2);
  });

  it("is for admins only, reading included", async () => {
    for (const who of [o.hr, o.manager, o.member]) {
      expect((await call(env, "GET", SETTINGS, { as: who.caller })).statusCode).toBe(403);
      const put = await call(env, "PUT", SETTINGS, { as: who.caller, body: { retentionDays: 1 } });
      expect(put.statusCode).toBe(403);
      expect(put.json().error.message).toContain("admins");
    }
  });

  it("refuses a number of days that is not a whole number from 1 to 3650, naming it", async () => {
    for (const retentionDays of [0, 1.5, 4000, "7"]) {
      const res = await call(env, "PUT", SETTINGS, { as: o.admin.caller, body: { retentionDays } });
      expect({ retentionDays, status: res.statusCode }).toEqual({ retentionDays, status: 400 });
      expect(res.json().error.details.fields[0].path).toBe("retentionDays");
    }
  });
});

describe("expire-recordings", () => {
  it("deletes the video files older than the retention, and the update says the video expired", async () => {
    const org = await makeOrg(env);
    const kept = await makeOrg(env); // no retention: kept however old
    await setRetention(org, 1);
    const old = (await buildRecording(env, { org, createdAt: ago(DAY + HOUR) })).recording;
    const young = (await buildRecording(env, { org, createdAt: ago(DAY - HOUR) })).recording;
    const elsewhere = (await buildRecording(env, { org: kept, createdAt: ago(30 * DAY) })).recording;
    await putByte(posterKey(org.organisation.id, old.id));
    const { update } = await buildUpdate(env, { org, kind: "video", title: "Demo", recordingId: old.id });

    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const clock = env.deps.clock;
    env.deps.clock = { now: () => now };
    await expireRecordingsJob.handle(env.deps, {}).finally(() => {
      env.deps.clock = clock;
    });

    expect(await rowOf(old.id)).toMatchObject({ status: "expired", expiredAt: now });
    expect(await stored(videoKey(org.organisation.id, old.id))).toBeNull();
    expect(await stored(posterKey(org.organisation.id, old.id))).toBeNull();
    expect(await rowOf(young.id)).toMatchObject({ status: "ready", expiredAt: null });
    expect(await stored(videoKey(org.organisation.id, young.id))).toBe(young.bytes);
    expect((await rowOf(elsewhere.id))?.status).toBe("ready");

    const media = await call(env, "GET", `/api/v1/recordings/${old.id}/media`, { as: org.manager.caller });
    expect(media.statusCode).toBe(410);
    expect(media.json().error).toMatchObject({ code: "recording_expired" });
    expect(media.json().error.message).toContain("retention setting");
    const thread = await call(env, "GET", `/api/v1/updates/${update.id}`, { as: org.manager.caller });
    expect(thread.statusCode).toBe(200);
    expect(thread.json().update.recording).toMatchObject({ id: old.id, status: "expired" });
    const view = await call(env, "GET", `/api/v1/recordings/${old.id}`, { as: org.manager.caller });
    expect(view.json().recording).toMatchObject({
      status: "expired",
      posterUrl: null,
      expiredAt: now.toISOString(),
    });
  });
});

describe("sweep-abandoned-recordings", () => {
  it("removes uploads begun a day ago and ready recordings never posted for a week, files and rows", async () => {
    const org = await makeOrg(env);
    const orgId = org.organisation.id;
    const started = async (createdAt: Date) => {
      const res = await call(env, "POST", "/api/v1/recordings", {
        as: org.member.caller,
        body: { mimeType: "video/webm" },
      });
      const id = res.json().recording.id as string;
      await env.deps.db.update(recordings).set({ createdAt }).where(eq(recordings.id, id));
      await putByte(chunkKey(orgId, id, 0));
      await env.deps.db
        .insert(recordingChunks)
        .values({ recordingId: id, organisationId: orgId, index: 0, bytes: 1 });
      return id;
    };
    const staleUpload = await started(ago(DAY + HOUR));
    const freshUpload = await started(ago(DAY - HOUR));
    const unposted = (await buildRecording(env, { org, createdAt: ago(8 * DAY) })).recording.id;
    const recent = (await buildRecording(env, { org, createdAt: ago(6 * DAY) })).recording.id;
    const posted = (await buildRecording(env, { org, createdAt: ago(8 * DAY) })).recording.id;
    await buildUpdate(env, { org, kind: "video", title: "Kept", recordingId: posted });

    await sweepAbandonedRecordingsJob.handle(env.deps, {});

    for (const id of [staleUpload, unposted]) {
      expect(await rowOf(id)).toBeUndefined();
      expect(await stored(chunkKey(orgId, id, 0))).toBeNull();
      expect(await stored(videoKey(orgId, id))).toBeNull();
    }
    const chunks = await env.deps.db
      .select()
      .from(recordingChunks)
      .where(eq(recordingChunks.recordingId, staleUpload));
    expect(chunks).toEqual([]);
    expect((await rowOf(freshUpload))?.status).toBe("uploading");
    expect(await stored(chunkKey(orgId, freshUpload, 0))).toBe(1);
    for (const id of [recent, posted]) {
      expect((await rowOf(id))?.status).toBe("ready");
      expect(await stored(videoKey(orgId, id))).not.toBeNull();
    }
  });
});

describe("deleting a video update", () => {
  it("marks its recording deleting at once (404), then the job removes its files and row", async () => {
    const org = await makeOrg(env);
    const { recording } = await buildRecording(env, { org });
    const { update } = await buildUpdate(env, {
      org,
      kind: "video",
      title: "Gone",
      recordingId: recording.id,
    });
    const deleted = await call(env, "DELETE", `/api/v1/updates/${update.id}`, { as: org.member.caller });
    expect(deleted.statusCode).toBe(204);
    const media = await call(env, "GET", `/api/v1/recordings/${recording.id}/media`, {
      as: org.member.caller,
    });
    expect(media.statusCode).toBe(404);

    // The worker may have run it already: the job is idempotent either way.
    await deleteRecordingFilesJob.handle(env.deps, {
      organisationId: org.organisation.id,
      recordingIds: [recording.id],
    });
    expect(await rowOf(recording.id)).toBeUndefined();
    expect(await stored(videoKey(org.organisation.id, recording.id))).toBeNull();
  });
});
