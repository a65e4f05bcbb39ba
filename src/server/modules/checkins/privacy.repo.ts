import { eq } from "drizzle-orm";
import { MIN_GROUP_SIZE, MIN_TEXT_GROUP_SIZE, type PrivacySettings } from "../../../contracts/checkins";
import type { Executor } from "../../platform/db/types";
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
