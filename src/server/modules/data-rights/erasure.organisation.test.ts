import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { makeOrg } from "../../../../test/support/factories";
import { call, closeOpenEnvs, freshEnv, type TestEnv, testEnv } from "../../../../test/support/harness";
import { advance, personWithData } from "./erasure.fixtures";
import { carryOutErasuresJob } from "./erasure.jobs";

/** The deletion of a whole organisation (owner only): every row and file of it, after the grace period. */

afterEach(() => closeOpenEnvs());

describe("deletion of an organisation", () => {
  it("is the owner's: after the grace period every row and file of it goes, another organisation's stay", async () => {
    const env = await freshEnv();
    const org = await makeOrg(env);
    const other = await makeOrg(env);
    const mine = await personWithData(env, org, org.member);
    await personWithData(env, other, other.member);
    expect(
      (await call(env, "POST", "/api/v1/organisation/erasure", { as: org.admin.caller, body: {} }))
        .statusCode,
    ).toBe(403);
    const res = await call(env, "POST", "/api/v1/organisation/erasure", { as: org.owner.caller, body: {} });
    expect(res.statusCode).toBe(202);
    expect(res.json().erasure).toMatchObject({ kind: "organisation", personId: null, status: "scheduled" });
    // Insight weeks are left out of the other organisation's comparison: the recompute jobs its own
    // set-up queued may still be writing them meanwhile (the worker runs beside the test).
    const withoutRollups = ({ insight_weeks: _, ...rows }: Record<string, number>) => rows;
    const otherBefore = withoutRollups(await organisationRows(env, other.organisation.id));

    advance(env, 31);
    await carryOutErasuresJob.handle(env.deps, {});
    const left = Object.entries(await organisationRows(env, org.organisation.id)).filter(([, n]) => n > 0);
    expect(left).toEqual([]);
    expect(
      await env.deps.storage.size(`recordings/${org.organisation.id}/${mine.recording.id}/video`),
    ).toBeNull();
    expect(withoutRollups(await organisationRows(env, other.organisation.id))).toEqual(otherBefore);
    expect((await call(env, "GET", "/api/v1/me/erasure", { as: org.member.caller })).statusCode).toBe(401);
  }, 180_000);

  it("can be cancelled by an owner during the grace period", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const { erasure } = (
      await call(env, "POST", "/api/v1/organisation/erasure", { as: org.owner.caller, body: {} })
    ).json();
    expect(
      (await call(env, "GET", "/api/v1/organisation/erasure", { as: org.owner.caller })).json().erasure.id,
    ).toBe(erasure.id);
    expect(
      (await call(env, "DELETE", `/api/v1/erasures/${erasure.id}`, { as: org.admin.caller })).statusCode,
    ).toBe(403);
    expect(
      (await call(env, "DELETE", `/api/v1/erasures/${erasure.id}`, { as: org.owner.caller })).statusCode,
    ).toBe(200);
    expect(
      (await call(env, "GET", "/api/v1/organisation/erasure", { as: org.owner.caller })).json().erasure,
    ).toBeNull();
  });
});

/** Rows per table that carry the organisation's id (every table with `organisation_id`). */
async function organisationRows(env: TestEnv, organisationId: string) {
  const result = await env.deps.db.execute(
    sql`select c.table_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.column_name = 'organisation_id'
        order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of (result as unknown as { rows: { table_name: string }[] }).rows) {
    const n = await env.deps.db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table_name)} where organisation_id = ${organisationId}`,
    );
    counts[table_name] = (n as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
  }
  const [org] = await env.deps.db
    .execute(sql`select count(*)::int as n from organisations where id = ${organisationId}`)
    .then((r) => (r as unknown as { rows: { n: number }[] }).rows);
  counts.organisations = org?.n ?? 0;
  return counts;
}
