import { and, asc, eq, lte } from "drizzle-orm";
import { z } from "zod";
import type { Deps } from "../../deps";
import { defineJob, sweep } from "../../platform/job";
import { stderrLog } from "../../platform/log";
import { carryOutErasure } from "./erasure.carry-out";
import { erasures } from "./erasure.table";

/** Erasures handled per query; the sweep goes on until fewer come back. */
const BATCH = 50;

/**
 * Carries out the erasures whose grace period is over, each in its own transaction (`carryOutErasure`
 * locks the row and does nothing to one no longer scheduled, so a second run or a second instance
 * changes nothing more). One that cannot be carried out (an organisation's only owner) is logged and
 * stays scheduled for the next run; the others go on.
 */
export const carryOutErasuresJob = defineJob({
  name: "carry-out-erasures",
  payload: z.object({}),
  everyMinutes: 15,
  async handle(deps: Deps) {
    const now = deps.clock.now();
    const failed = new Set<string>();
    await sweep(
      async (limit) => {
        const due = await deps.db
          .select({ id: erasures.id })
          .from(erasures)
          .where(and(eq(erasures.status, "scheduled"), lte(erasures.scheduledFor, now)))
          .orderBy(asc(erasures.scheduledFor))
          .limit(limit + failed.size);
        return due.filter(({ id }) => !failed.has(id));
      },
      async ({ id }) => {
        try {
          await carryOutErasure(deps, id, null);
        } catch (error) {
          failed.add(id);
          const reason = error instanceof Error ? error.message : String(error);
          stderrLog(deps.config.logLevel).warn({ erasureId: id, reason }, "erasure not carried out");
        }
      },
      BATCH,
    );
  },
});
