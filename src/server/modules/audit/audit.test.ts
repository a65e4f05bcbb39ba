import { describe, expect, it } from "vitest";
import { makeOrg } from "../../../../test/support/factories";
import { call, testEnv } from "../../../../test/support/harness";
import { listAudit, recordAudit } from "./audit.service";

describe("audit log paging", () => {
  it("returns every entry exactly once even when many share one transaction's timestamp", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    await env.deps.db.transaction(async (tx) => {
      for (let i = 0; i < 7; i++) {
        await recordAudit(tx, {
          organisationId: org.organisation.id,
          action: "person.imported",
          targetId: `row-${i}`,
        });
      }
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAudit(env.deps.db, org.organisation.id, cursor, 3);
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const total = await listAudit(env.deps.db, org.organisation.id, undefined, 1000);
    expect(seen).toEqual(total.entries.map((e) => e.id));
    expect(new Set(seen).size).toBe(total.entries.length);
    expect(total.entries.filter((e) => e.action === "person.imported")).toHaveLength(7);

    const viaHttp = await call(env, "GET", `/api/v1/audit?before=${seen[2]}`, { as: org.admin.caller });
    expect(viaHttp.json().entries[0].id).toBe(seen[3]);
  });
});
