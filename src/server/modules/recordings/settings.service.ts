import { eq } from "drizzle-orm";
import type { RecordingSettings } from "../../../contracts/recordings";
import type { Deps } from "../../deps";
import { type Actor, authorize } from "../../platform/http/actor";
import { recordAudit } from "../audit";
import { recordingSettings } from "./recordings.table";

/** GET /organisation/recordings (admins): how long video files are kept; null = until their update is deleted. */
export async function getRecordingSettings(deps: Deps, actor: Actor): Promise<RecordingSettings> {
  authorize(actor, "recordings.settings");
  const [row] = await deps.db
    .select({ retentionDays: recordingSettings.retentionDays })
    .from(recordingSettings)
    .where(eq(recordingSettings.organisationId, actor.organisationId));
  return { retentionDays: row?.retentionDays ?? null };
}

/**
 * PUT /organisation/recordings (admins): sets the retention, audited with the old and new value when it
 * changes. The hourly `expire-recordings` job applies it (to recordings already made, too).
 */
export async function setRecordingSettings(
  deps: Deps,
  actor: Actor,
  input: RecordingSettings,
  ip?: string,
): Promise<RecordingSettings> {
  authorize(actor, "recordings.settings");
  return deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ retentionDays: recordingSettings.retentionDays })
      .from(recordingSettings)
      .where(eq(recordingSettings.organisationId, actor.organisationId))
      .for("update");
    const from = before?.retentionDays ?? null;
    if (from === input.retentionDays) return { retentionDays: from };
    const values = { retentionDays: input.retentionDays, updatedAt: deps.clock.now() };
    await tx
      .insert(recordingSettings)
      .values({ organisationId: actor.organisationId, ...values })
      .onConflictDoUpdate({ target: recordingSettings.organisationId, set: values });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.personId,
      action: "recordings.retention_changed",
      targetType: "organisation",
      targetId: actor.organisationId,
      data: { from, to: input.retentionDays },
      ip,
    });
    return { retentionDays: input.retentionDays };
  });
}
