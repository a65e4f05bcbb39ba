import { and, count, eq, sum } from "drizzle-orm";
import { expect } from "vitest";
import { buildMeeting } from "../../../../test/support/build";
import { makeOrg } from "../../../../test/support/factories";
import { freshEnv, type TestEnv, testEnv } from "../../../../test/support/harness";
import { people } from "../people/people.table";
import { insightWeeks } from "./insights.table";
import { recomputeInsightsJob, reconcileInsightsJob } from "./rollup.jobs";

/**
 * The insights jobs' cases for `jobs.idempotent.test.ts` (spread into its `cases`): each handler run
 * twice with one payload writes the same rows (the time of computing aside, the clock standing still).
 */

/** Each person-week's figures of the organisation, without `computed_at`. */
async function weeksOf(env: TestEnv, organisationId: string) {
  const rows = await env.deps.db
    .select()
    .from(insightWeeks)
    .where(eq(insightWeeks.organisationId, organisationId))
    .orderBy(insightWeeks.personId, insightWeeks.weekStart);
  return rows.map(({ computedAt: _, ...figures }) => figures);
}

async function twice(run: () => Promise<unknown>, state: () => Promise<unknown>) {
  await run();
  const once = await state();
  await run();
  expect(await state()).toEqual(once);
  return once;
}

export const insightsJobCases: Record<string, () => Promise<void>> = {
  async "recompute-insights"() {
    const env = await testEnv();
    const org = await makeOrg(env);
    const { meeting } = await buildMeeting(env, { org, durationMinutes: 30 });
    const payload = {
      organisationId: org.organisation.id,
      personIds: [org.member.person.id, org.manager.person.id],
      from: meeting.start,
      to: meeting.end,
    };
    const once = await twice(
      () => recomputeInsightsJob.handle(env.deps, payload),
      async () => {
        const rows = await weeksOf(env, org.organisation.id);
        return rows.filter((r) => payload.personIds.includes(r.personId) && r.meetingHours === 0.5).length;
      },
    );
    expect(once).toBe(2);
  },

  async "reconcile-insights"() {
    // Its own database: the reconcile covers every organisation.
    const env = await freshEnv();
    env.deps.clock = { now: () => new Date("2030-01-08T12:00:00Z") };
    const org = await makeOrg(env);
    const orgId = org.organisation.id;
    await buildMeeting(env, { org, durationMinutes: 60 }); // Wednesday 10:00 UTC
    const [active] = await env.deps.db
      .select({ n: count() })
      .from(people)
      .where(and(eq(people.organisationId, orgId), eq(people.active, true)));
    const state = async () => ({
      rows: await weeksOf(env, orgId),
      hours: (
        await env.deps.db
          .select({ total: sum(insightWeeks.meetingHours) })
          .from(insightWeeks)
          .where(eq(insightWeeks.organisationId, orgId))
      )[0]?.total,
    });
    const once = (await twice(() => reconcileInsightsJob.handle(env.deps, {}), state)) as Awaited<
      ReturnType<typeof state>
    >;
    // 13 weeks back, this week and next: 15 weeks of each active person; the meeting's hour for two.
    expect(once.rows).toHaveLength((active?.n ?? 0) * 15);
    expect(Number(once.hours)).toBe(2);
  },
};
