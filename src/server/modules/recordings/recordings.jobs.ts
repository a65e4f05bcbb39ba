import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Deps } from "../../deps";
import { defineJob } from "../../platform/job";
import { recordingFolder } from "./keys";
import { recordings } from "./recordings.table";

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
    for (const { id } of doomed) {
      await deps.storage.deletePrefix(recordingFolder(organisationId, id));
      await deps.db.delete(recordings).where(and(eq(recordings.id, id), eq(recordings.status, "deleting")));
    }
  },
});
