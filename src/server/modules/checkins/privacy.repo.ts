import { eq } from "drizzle-orm";
import { MIN_GROUP_SIZE, MIN_TEXT_GROUP_SIZE, type PrivacySettings } from "../../../contracts/checkins";
import type { Executor } from "../../platform/db/types";
import { organisations } from "../organisations/organisations.table";
import { privacySettings } from "./checkins.table";

/** The organisation's minimum group sizes for aggregates (5 and 10 until an admin raises them). */
export async function thresholdsOf(db: Executor, organisationId: string): Promise<PrivacySettings> {
  const [row] = await db
    .select({
      minGroupSize: privacySettings.minGroupSize,
      minTextGroupSize: privacySettings.minTextGroupSize,
    })
    .from(privacySettings)
    .where(eq(privacySettings.organisationId, organisationId));
  return row ?? { minGroupSize: MIN_GROUP_SIZE, minTextGroupSize: MIN_TEXT_GROUP_SIZE };
}

/**
 * Makes concurrent changes of one organisation's thresholds take turns until the transaction ends.
 * The organisation's row is locked rather than the settings row, which does not exist before the
 * first change; `no key update` conflicts with itself but not with the key-share locks that inserts
 * referencing the organisation take, so nothing else waits.
 */
export async function lockThresholds(tx: Executor, organisationId: string): Promise<void> {
  await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .for("no key update");
}

/** Writes both thresholds (the row is created on the first change). */
export async function saveThresholds(
  tx: Executor,
  organisationId: string,
  thresholds: PrivacySettings,
  at: Date,
): Promise<void> {
  const values = { ...thresholds, updatedAt: at };
  await tx
    .insert(privacySettings)
    .values({ organisationId, ...values })
    .onConflictDoUpdate({ target: privacySettings.organisationId, set: values });
}
