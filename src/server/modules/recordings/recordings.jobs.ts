import { and, eq, inArray, isNotNull, lt, notExists, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Deps } from "../../deps";
import { defineJob, sweep } from "../../platform/job";
import { updates } from "../updates/updates.table";
import { recordingFolder } from "./keys";
import { recordingSettings, recordings } from "./recordings.table";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Removes a recording's files, then its row (chunks go with it), if it is still marked "deleting". */
async function removeRecording(deps: Deps, organisationId: string, id: string): Promise<void> {
  await deps.storage.deletePrefix(recordingFolder(organisationId, id));
  await deps.db
    .delete(recordings)
    .where(
      and(
        eq(recordings.organisationId, organisationId),
        eq(recordings.id, id),
        eq(recordings.status, "deleting"),
      ),
    );
}

/**
 * Removes the files of recordings marked "deleting" (their update was deleted) and then their rows;
 * sent in the transaction that marked them. Run twice, the second finds nothing left to do.
 */
export const deleteRecordingFilesJob = defineJob({
  name: "delete-recording-files",
  payload: z.object({ organisationId: z.uuid(), recordingIds: z.array(z.uuid()).min(1) }),
  async handle(deps: Deps, { organisationId, recordingIds }) {
    const doomed = await deps.db
      .select({ id: recordings.id })
      .from(recordings)
      .where(
        and(
          eq(recordings.organisationId, organisationId),
          inArray(recordings.id, recordingIds),
          eq(recordings.status, "deleting"),
        ),
      );
    for (const { id } of doomed) await removeRecording(deps, organisationId, id);
  },
});

/**
 * Retention: in each organisation with `retention_days` set, the video files of ready recordings made
 * more than that many days ago are deleted and the recording becomes "expired" (its update and comments
 * stay, saying so). Files first, then the status: a crash between leaves it "ready" for the next run.
 */
export const expireRecordingsJob = defineJob({
  name: "expire-recordings",
  payload: z.object({}),
  everyMinutes: 60,
  async handle(deps: Deps) {
    const now = deps.clock.now();
    await sweep(
      (limit) =>
        deps.db
          .select({ id: recordings.id, organisationId: recordings.organisationId })
          .from(recordings)
          .innerJoin(recordingSettings, eq(recordingSettings.organisationId, recordings.organisationId))
          .where(
            and(
              eq(recordings.status, "ready"),
              isNotNull(recordingSettings.retentionDays),
              sql`${recordings.createdAt} <= ${now.toISOString()}::timestamptz - make_interval(days => ${recordingSettings.retentionDays})`,
            ),
          )
          .limit(limit),
      async ({ id, organisationId }) => {
        await deps.storage.deletePrefix(recordingFolder(organisationId, id));
        await deps.db
          .update(recordings)
          .set({ status: "expired", expiredAt: now })
          .where(
            and(
              eq(recordings.organisationId, organisationId),
              eq(recordings.id, id),
              eq(recordings.status, "ready"),
            ),
          );
      },
    );
  },
});

/**
 * What nobody will finish or post: uploads begun more than a day ago, ready recordings never posted
 * for a week, and any left "deleting" (a lost job). Each is marked "deleting" in a transaction that
 * first locks its row — posting locks it too (`recordingToPost`), so a recording posted meanwhile is
 * seen posted and kept — then its files and row are removed.
 */
export const sweepAbandonedRecordingsJob = defineJob({
  name: "sweep-abandoned-recordings",
  payload: z.object({}),
  everyMinutes: 60,
  async handle(deps: Deps) {
    const now = deps.clock.now();
    await sweep(
      (limit) =>
        deps.db
          .select({ id: recordings.id, organisationId: recordings.organisationId })
          .from(recordings)
          .where(abandoned(now))
          .limit(limit),
      async ({ id, organisationId }) => {
        const mine = and(eq(recordings.organisationId, organisationId), eq(recordings.id, id));
        const marked = await deps.db.transaction(async (tx) => {
          await tx.select({ id: recordings.id }).from(recordings).where(mine).for("update");
          // A statement of its own after the lock: it sees an update committed while we waited.
          return tx
            .update(recordings)
            .set({ status: "deleting" })
            .where(and(mine, abandoned(now)))
            .returning({ id: recordings.id });
        });
        if (marked.length > 0) await removeRecording(deps, organisationId, id);
      },
    );
  },
});

function abandoned(now: Date): SQL {
  const unposted = notExists(
    sql`(select 1 from ${updates} where ${updates.recordingId} = ${recordings.id} and ${updates.organisationId} = ${recordings.organisationId})`,
  );
  return or(
    and(eq(recordings.status, "uploading"), lt(recordings.createdAt, new Date(now.getTime() - DAY))),
    and(
      eq(recordings.status, "ready"),
      lt(recordings.createdAt, new Date(now.getTime() - 7 * DAY)),
      unposted,
    ),
    eq(recordings.status, "deleting"),
  ) as SQL;
}
