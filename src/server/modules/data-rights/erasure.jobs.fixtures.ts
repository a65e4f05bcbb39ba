import { and, eq, like } from "drizzle-orm";
import { expect } from "vitest";
import { actorOf, makeOrg } from "../../../../test/support/factories";
import { freshEnv } from "../../../../test/support/harness";
import { auditLog } from "../audit/audit.table";
import { people } from "../people/people.table";
import { carryOutErasuresJob } from "./erasure.jobs";
import { requestPersonErasure } from "./erasure.service";
import { erasures } from "./erasure.table";

const DAY = 86_400_000;

/**
 * The erasure job's case for `jobs.idempotent.test.ts` (spread into its `cases`): run twice once the
 * grace period is over, the person is erased once (one "carried out" audit row, the same rows).
 */
export const erasureJobCases: Record<string, () => Promise<void>> = {
  async "carry-out-erasures"() {
    // Its own database: the sweep covers every organisation's erasures.
    const env = await freshEnv();
    const org = await makeOrg(env);
    const personId = org.member.person.id;
    const { id } = await requestPersonErasure(env.deps, actorOf(org.hr), personId, {});
    const later = Date.now() + 31 * DAY;
    env.deps.clock = { now: () => new Date(later) };
    const state = async () => ({
      erasure: await env.deps.db
        .select({ status: erasures.status, doneAt: erasures.doneAt })
        .from(erasures)
        .where(eq(erasures.id, id)),
      person: await env.deps.db
        .select({ name: people.name, email: people.email, active: people.active })
        .from(people)
        .where(eq(people.id, personId)),
      audit: await env.deps.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.organisationId, org.organisation.id), like(auditLog.action, "erasure.%"))),
    });
    await carryOutErasuresJob.handle(env.deps, {});
    const once = await state();
    await carryOutErasuresJob.handle(env.deps, {});
    expect(await state()).toEqual(once);
    expect(once).toMatchObject({
      erasure: [{ status: "done", doneAt: new Date(later) }],
      person: [{ name: "A former member", email: `erased-${personId}`, active: false }],
    });
    expect(once.audit.map((a) => a.action).sort()).toEqual(["erasure.carried_out", "erasure.requested"]);
  },
};
