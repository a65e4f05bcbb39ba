import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { makeOrg } from "../../../../test/support/factories";
import { call, closeOpenEnvs, testEnv } from "../../../../test/support/harness";
import { FORMER_MEMBER } from "../../../contracts/erasure";
import { people } from "../people/people.table";

/**
 * Who may erase a person's data, and when: an admin at once, HR only after the grace period, nobody
 * the organisation's only owner. The erasure itself is in erasure.person.test.ts.
 */

afterEach(() => closeOpenEnvs());

describe("erasure of a person's data", () => {
  it("lets an admin erase at once; HR may not cut the grace short, a member may not erase someone else", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const person = await org.add("member");
    const url = `/api/v1/people/${person.person.id}/erasure`;
    const hr = await call(env, "POST", url, { as: org.hr.caller, body: { immediate: true } });
    expect(hr.statusCode).toBe(403);
    expect(hr.json().error.message).toBe(
      "Only owners or admins may erase a person's data without the grace period",
    );
    expect((await call(env, "POST", url, { as: org.member.caller, body: {} })).statusCode).toBe(403);
    expect(
      (await call(env, "POST", "/api/v1/me/erasure", { as: org.admin.caller, body: { immediate: true } }))
        .statusCode,
    ).toBe(403);
    // Someone of equal rank is not erased by an admin; an unknown person is not found.
    expect(
      (
        await call(env, "POST", `/api/v1/people/${org.admin.person.id}/erasure`, {
          as: (await org.add("admin")).caller,
          body: {},
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call(env, "POST", "/api/v1/people/00000000-0000-4000-8000-000000000000/erasure", {
          as: org.admin.caller,
          body: {},
        })
      ).statusCode,
    ).toBe(404);

    const res = await call(env, "POST", url, { as: org.admin.caller, body: { immediate: true } });
    expect(res.statusCode).toBe(202);
    expect(res.json().erasure).toMatchObject({ status: "done", personId: person.person.id });
    const [row] = await env.deps.db.select().from(people).where(eq(people.id, person.person.id));
    expect(row?.name).toBe(FORMER_MEMBER);
    // Their session is gone: they are signed out.
    expect((await call(env, "GET", "/api/v1/me/erasure", { as: person.caller })).statusCode).toBe(401);
  });

  it("carries out a scheduled erasure at once when an admin asks for immediate", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const scheduled = (
      await call(env, "POST", "/api/v1/me/erasure", { as: org.member.caller, body: {} })
    ).json().erasure;
    const res = await call(env, "POST", `/api/v1/people/${org.member.person.id}/erasure`, {
      as: org.admin.caller,
      body: { immediate: true },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json().erasure).toMatchObject({ id: scheduled.id, status: "done" });
  });

  it("refuses to erase the organisation's only owner (409), and cancels only for those allowed", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const res = await call(env, "POST", "/api/v1/me/erasure", { as: org.owner.caller, body: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(
      /only owner; make someone else owner before erasing their data$/,
    );

    const { erasure } = (
      await call(env, "POST", `/api/v1/people/${org.member.person.id}/erasure`, {
        as: org.hr.caller,
        body: {},
      })
    ).json();
    expect(
      (await call(env, "DELETE", `/api/v1/erasures/${erasure.id}`, { as: org.manager.caller })).statusCode,
    ).toBe(403);
    const foreign = await makeOrg(env);
    expect(
      (await call(env, "DELETE", `/api/v1/erasures/${erasure.id}`, { as: foreign.admin.caller })).statusCode,
    ).toBe(404);
    expect(
      (await call(env, "DELETE", `/api/v1/erasures/${erasure.id}`, { as: org.hr.caller })).statusCode,
    ).toBe(200);
  });
});
