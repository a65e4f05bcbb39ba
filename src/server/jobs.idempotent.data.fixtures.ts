import { and, eq, type SQL } from "drizzle-orm";
import { expect } from "vitest";
import { buildRecording } from "../../test/support/build";
import { makeOrg } from "../../test/support/factories";
import { freshEnv, type TestEnv, testEnv } from "../../test/support/harness";
import { DAY, type JobCases, rowsOf, runTwice } from "./jobs.idempotent.fixtures";
import { auditLog } from "./modules/audit/audit.table";
import { buildExportJob, expireExportsJob } from "./modules/data-rights/export.job";
import { exportKey } from "./modules/data-rights/export.keys";
import { dataExports } from "./modules/data-rights/export.table";
import { importPeopleJob } from "./modules/onboarding";
import { peopleImports } from "./modules/onboarding/import.table";
import { outboxEmails } from "./modules/outbox";
import { people } from "./modules/people";
import { videoKey } from "./modules/recordings/keys";
import {
  deleteRecordingFilesJob,
  expireRecordingsJob,
  sweepAbandonedRecordingsJob,
} from "./modules/recordings/recordings.jobs";
import { recordingSettings, recordings } from "./modules/recordings/recordings.table";

/**
 * The data jobs' cases for `jobs.idempotent.test.ts` (recordings, people imports, data exports): files
 * and rows written once, removed once.
 */
export const dataJobCases: JobCases = {
  async "delete-recording-files"() {
    const env = await testEnv();
    const org = await makeOrg(env);
    const organisationId = org.organisation.id;
    const { recording } = await buildRecording(env, { org });
    await env.deps.db.update(recordings).set({ status: "deleting" }).where(eq(recordings.id, recording.id));
    const state = () => recordingState(env, organisationId, recording.id);
    const once = await runTwice(
      deleteRecordingFilesJob,
      env.deps,
      { organisationId, recordingIds: [recording.id] },
      state,
    );
    expect(once).toEqual({ rows: [], file: null });
  },

  async "expire-recordings"() {
    // Its own database: the sweep covers every organisation's recordings.
    const env = await freshEnv();
    const org = await makeOrg(env);
    const organisationId = org.organisation.id;
    await env.deps.db.insert(recordingSettings).values({ organisationId, retentionDays: 1 });
    const { recording } = await buildRecording(env, { org, createdAt: new Date(Date.now() - 2 * DAY) });
    const state = () => recordingState(env, organisationId, recording.id);
    const once = await runTwice(expireRecordingsJob, env.deps, {}, state);
    expect(once).toEqual({ rows: [{ status: "expired", expiredAt: expect.any(Date) }], file: null });
  },

  async "sweep-abandoned-recordings"() {
    // Its own database: the sweep covers every organisation's recordings.
    const env = await freshEnv();
    const org = await makeOrg(env);
    const organisationId = org.organisation.id;
    const { recording } = await buildRecording(env, { org, createdAt: new Date(Date.now() - 8 * DAY) });
    const kept = (await buildRecording(env, { org })).recording;
    const state = async () => ({
      swept: await recordingState(env, organisationId, recording.id),
      kept: await recordingState(env, organisationId, kept.id),
    });
    const once = await runTwice(sweepAbandonedRecordingsJob, env.deps, {}, state);
    expect(once).toEqual({
      swept: { rows: [], file: null },
      kept: { rows: [{ status: "ready", expiredAt: null }], file: kept.bytes },
    });
  },

  async "import-people"() {
    const env = await testEnv();
    const org = await makeOrg(env);
    const orgId = org.organisation.id;
    const csv = `name,email,role,timeZone,team\nAda,ada-${orgId}@example.test,member,UTC,\nBo,bo-${orgId}@example.test,member,UTC,\n`;
    // Recorded without its job, so only this test runs it.
    const [record] = await env.deps.db
      .insert(peopleImports)
      .values({
        organisationId: orgId,
        createdBy: org.hr.person.id,
        total: 2,
        csv,
        report: { created: [], skipped: [] },
      })
      .returning({ id: peopleImports.id });
    const importWhere: SQL | undefined = and(
      eq(peopleImports.organisationId, orgId),
      eq(peopleImports.id, record?.id ?? ""),
    );
    const state = async () => ({
      people: await rowsOf(env, people, orgId),
      emails: await rowsOf(env, outboxEmails, orgId),
      audit: await rowsOf(env, auditLog, orgId),
      record: await env.deps.db
        .select({ status: peopleImports.status, processed: peopleImports.processed })
        .from(peopleImports)
        .where(importWhere),
    });
    const once = await runTwice(
      importPeopleJob,
      env.deps,
      { importId: record?.id, organisationId: orgId },
      state,
    );
    expect(once).toMatchObject({ people: 7, emails: 2, record: [{ status: "done", processed: 2 }] });
  },

  async "build-export"() {
    const env = await testEnv();
    const org = await makeOrg(env);
    const organisationId = org.organisation.id;
    // Recorded without its job, so only this test runs it.
    const [row] = await env.deps.db
      .insert(dataExports)
      .values({
        organisationId,
        kind: "person",
        personId: org.member.person.id,
        requestedBy: org.member.person.id,
      })
      .returning({ id: dataExports.id });
    const exportId = row?.id ?? "";
    const once = await runTwice(buildExportJob, env.deps, { exportId, organisationId }, () =>
      exportState(env, organisationId, exportId),
    );
    expect(once).toMatchObject({ rows: [{ status: "ready", progress: 100 }], file: expect.any(Number) });
  },

  async "expire-exports"() {
    // Its own database: the sweep covers every organisation's exports.
    const env = await freshEnv();
    const org = await makeOrg(env);
    const organisationId = org.organisation.id;
    const [row] = await env.deps.db
      .insert(dataExports)
      .values({ organisationId, kind: "organisation", requestedBy: org.owner.person.id })
      .returning({ id: dataExports.id });
    const exportId = row?.id ?? "";
    await buildExportJob.handle(env.deps, { exportId, organisationId });
    await env.deps.db
      .update(dataExports)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(dataExports.id, exportId));
    const once = await runTwice(expireExportsJob, env.deps, {}, () =>
      exportState(env, organisationId, exportId),
    );
    expect(once).toEqual({ rows: [{ status: "expired", progress: 100 }], file: null });
  },
};

/** A recording's row (status, expiry) and its video file's size, or null when gone. */
async function recordingState(env: TestEnv, organisationId: string, id: string) {
  return {
    rows: await env.deps.db
      .select({ status: recordings.status, expiredAt: recordings.expiredAt })
      .from(recordings)
      .where(and(eq(recordings.organisationId, organisationId), eq(recordings.id, id))),
    file: await env.deps.storage.size(videoKey(organisationId, id)),
  };
}

/** An export's row (status, progress) and its ZIP's size, or null when gone. */
async function exportState(env: TestEnv, organisationId: string, id: string) {
  return {
    rows: await env.deps.db
      .select({ status: dataExports.status, progress: dataExports.progress })
      .from(dataExports)
      .where(and(eq(dataExports.organisationId, organisationId), eq(dataExports.id, id))),
    file: await env.deps.storage.size(exportKey(organisationId, id)),
  };
}
