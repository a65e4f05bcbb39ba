import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { auditLog } from "../audit/audit.table";

const PRIVACY = "/api/v1/organisation/privacy";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});

const put = (org: TestOrg, body: unknown, who: keyof Omit<TestOrg, "organisation" | "add"> = "admin") =>
  call(env, "PUT", PRIVACY, { as: org[who].caller, body });

describe("GET /api/v1/organisation/privacy", () => {
  it("answers 5 and 10 until raised, to anyone signed in (pages say the threshold)", async () => {
    const org = await makeOrg(env);
    for (const who of ["owner", "admin", "hr", "manager", "member"] as const) {
      const res = await call(env, "GET", PRIVACY, { as: org[who].caller });
      expect({ who, status: res.statusCode, body: res.json() }).toEqual({
        who,
        status: 200,
        body: { minGroupSize: 5, minTextGroupSize: 10 },
      });
    }
    expect((await call(env, "GET", PRIVACY)).statusCode).toBe(401);
  });
});

describe("PUT /api/v1/organisation/privacy", () => {
  it("raises the thresholds for the admin's organisation only, audited with the old and new values", async () => {
    const org = await makeOrg(env);
    const other = await makeOrg(env);
    const res = await put(org, { minGroupSize: 8, minTextGroupSize: 12 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ minGroupSize: 8, minTextGroupSize: 12 });
    expect((await call(env, "GET", PRIVACY, { as: org.member.caller })).json()).toEqual({
      minGroupSize: 8,
      minTextGroupSize: 12,
    });
    expect((await call(env, "GET", PRIVACY, { as: other.member.caller })).json()).toEqual({
      minGroupSize: 5,
      minTextGroupSize: 10,
    });
    // The same values again change nothing and write no second audit row; the owner may raise too.
    expect((await put(org, { minGroupSize: 8, minTextGroupSize: 12 })).statusCode).toBe(200);
    expect((await put(org, { minGroupSize: 9, minTextGroupSize: 12 }, "owner")).statusCode).toBe(200);
    const audit = await env.deps.db
      .select({ data: auditLog.data, actorId: auditLog.actorId })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.organisationId, org.organisation.id),
          eq(auditLog.action, "privacy.thresholds_changed"),
        ),
      );
    expect(audit).toHaveLength(2);
    expect(audit).toEqual(
      expect.arrayContaining([
        {
          data: {
            from: { minGroupSize: 5, minTextGroupSize: 10 },
            to: { minGroupSize: 8, minTextGroupSize: 12 },
          },
          actorId: org.admin.person.id,
        },
        {
          data: {
            from: { minGroupSize: 8, minTextGroupSize: 12 },
            to: { minGroupSize: 9, minTextGroupSize: 12 },
          },
          actorId: org.owner.person.id,
        },
      ]),
    );
  });

  it("refuses to lower a raised value, saying so in words and changing nothing", async () => {
    const org = await makeOrg(env);
    await put(org, { minGroupSize: 8, minTextGroupSize: 15 });
    const lower = await put(org, { minGroupSize: 6, minTextGroupSize: 15 });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().error.code).toBe("validation_failed");
    expect(lower.json().error.message).toBe("Minimum group size may be raised but never lowered: it is 8");
    expect(lower.json().error.details.fields).toEqual([
      { path: "minGroupSize", message: "Minimum group size may be raised but never lowered: it is 8" },
    ]);
    const both = await put(org, { minGroupSize: 5, minTextGroupSize: 10 });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual([
      "minGroupSize",
      "minTextGroupSize",
    ]);
    expect(both.json().error.message).toContain(
      "Minimum group size for comments may be raised but never lowered: it is 15",
    );
    expect((await call(env, "GET", PRIVACY, { as: org.admin.caller })).json()).toEqual({
      minGroupSize: 8,
      minTextGroupSize: 15,
    });
  });

  it("refuses values below 5 and 10 in words, whatever the current ones", async () => {
    const org = await makeOrg(env);
    const small = await put(org, { minGroupSize: 4, minTextGroupSize: 9 });
    expect(small.statusCode).toBe(400);
    expect(small.json().error.code).toBe("validation_failed");
    expect(small.json().error.message).toContain("Minimum group size must be at least 5");
    expect(small.json().error.message).toContain("Minimum group size for comments must be at least 10");
    const fraction = await put(org, { minGroupSize: 5.5, minTextGroupSize: 10 });
    expect(fraction.statusCode).toBe(400);
    expect(fraction.json().error.message).toContain("Minimum group size must be a whole number");
  });

  it("is for admins and owners only", async () => {
    const org = await makeOrg(env);
    for (const who of ["hr", "manager", "member"] as const) {
      const res = await put(org, { minGroupSize: 7, minTextGroupSize: 10 }, who);
      expect({ who, status: res.statusCode, code: res.json().error.code }).toEqual({
        who,
        status: 403,
        code: "forbidden",
      });
    }
    expect((await call(env, "GET", PRIVACY, { as: org.member.caller })).json().minGroupSize).toBe(5);
  });

  it("never ends lower when two raises race: each waits for the other, the later one from the raised value", async () => {
    const org = await makeOrg(env);
    const answers = await Promise.all([
      put(org, { minGroupSize: 9, minTextGroupSize: 10 }),
      put(org, { minGroupSize: 7, minTextGroupSize: 10 }, "owner"),
    ]);
    const statuses = answers.map((res) => res.statusCode).sort();
    const final = (await call(env, "GET", PRIVACY, { as: org.admin.caller })).json();
    expect(final.minGroupSize).toBe(9);
    // Either 7 went first and 9 raised it (both 200), or 9 went first and 7 was refused as lowering.
    expect([
      [200, 200],
      [200, 400],
    ]).toContainEqual(statuses);
  });
});
