import { beforeAll, describe, expect, it } from "vitest";
import { buildPolicy } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});

/** Each acknowledged document, reached only through its own routes: the versioning module serves both. */
interface Kind {
  name: string;
  /** Makes the document at version 1 (published by HR) and answers its base path. */
  create(o: TestOrg): Promise<string>;
  publish(who: TestPerson, base: string, n: number): ReturnType<typeof call>;
  /** The version number a publish answered. */
  versionOf(body: Record<string, { version: number }>): number;
  compliancePath(base: string): string;
  acknowledgementsPath(base: string): string;
}

const KINDS: Kind[] = [
  {
    name: "the agreement",
    create: async () => "/api/v1/agreement",
    publish: (who, base, n) =>
      call(env, "PUT", base, {
        as: who.caller,
        body: { rules: { maxAttendees: 20 - n }, changeSummary: `Change ${n}` },
      }),
    versionOf: (body) => body.agreement?.version ?? 0,
    compliancePath: (base) => `${base}/compliance`,
    acknowledgementsPath: (base) => `${base}/acknowledgements`,
  },
  {
    name: "a policy",
    create: async (o) => `/api/v1/policies/${(await buildPolicy(env, { org: o })).policy.id}`,
    publish: (who, base, n) =>
      call(env, "PUT", base, { as: who.caller, body: { body: `Text ${n}`, changeSummary: `Change ${n}` } }),
    versionOf: (body) => body.policy?.version ?? 0,
    compliancePath: (base) => `${base}/compliance`,
    acknowledgementsPath: (base) => `${base}/acknowledgements`,
  },
];

const STALE =
  "You are acknowledging version 1, but the latest is version 2; reload to read the latest and acknowledge that";

describe.each(KINDS)("versioned, acknowledged documents: $name", (kind) => {
  it("refuses a stale or unknown version with the one 409 both documents give", async () => {
    const o = await makeOrg(env);
    const base = await kind.create(o);
    expect((await kind.publish(o.hr, base, 1)).statusCode).toBe(200);
    const stale = await call(env, "POST", kind.acknowledgementsPath(base), {
      as: o.member.caller,
      body: { version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: "conflict", message: STALE, details: { current: 2 } });
    const future = await call(env, "POST", kind.acknowledgementsPath(base), {
      as: o.member.caller,
      body: { version: 3 },
    });
    expect(future.statusCode).toBe(409);
    expect(future.json().error.message).toBe(
      "You are acknowledging version 3, but the latest is version 2; reload to read the latest and acknowledge that",
    );
    // Neither refusal was recorded.
    const compliance = (await call(env, "GET", kind.compliancePath(base), { as: o.hr.caller })).json();
    expect(compliance.pending).toContainEqual({ personId: o.member.person.id, status: "active" });
  });

  it("lists who acknowledged the latest version, who has not, and invited people not joined yet", async () => {
    const o = await makeOrg(env);
    const invited = await o.add("member", { active: false });
    const base = await kind.create(o);
    await kind.publish(o.admin, base, 1);
    const ack = await call(env, "POST", kind.acknowledgementsPath(base), {
      as: o.member.caller,
      body: { version: 2 },
    });
    expect(ack.statusCode).toBe(201);
    const again = await call(env, "POST", kind.acknowledgementsPath(base), {
      as: o.member.caller,
      body: { version: 2 },
    });
    expect(again.statusCode).toBe(201);

    const compliance = (await call(env, "GET", kind.compliancePath(base), { as: o.hr.caller })).json();
    expect(compliance.version).toBe(2);
    // The admin published version 2, which counts as acknowledging it; the member acknowledged it (once listed).
    expect(compliance.acknowledged.map((a: { personId: string }) => a.personId).sort()).toEqual(
      [o.admin.person.id, o.member.person.id].sort(),
    );
    expect(compliance.pending).toEqual(
      expect.arrayContaining([
        { personId: o.owner.person.id, status: "active" },
        { personId: o.hr.person.id, status: "active" },
        { personId: o.manager.person.id, status: "active" },
        { personId: invited.person.id, status: "invited" },
      ]),
    );
    expect(compliance.pending).toHaveLength(4);
  });

  it("appends each publish as the next version; publishes at the same moment never answer 500", async () => {
    const o = await makeOrg(env);
    const base = await kind.create(o);
    const results = await Promise.all([1, 2, 3].map((n) => kind.publish(o.admin, base, n)));
    for (const r of results) expect([200, 409], r.body).toContain(r.statusCode);
    const published = results.filter((r) => r.statusCode === 200).map((r) => kind.versionOf(r.json()));
    expect(published.length).toBeGreaterThan(0);
    expect([...published].sort()).toEqual(Array.from({ length: published.length }, (_, i) => i + 2));
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json().error.message).toMatch(/^Someone published a new version of .* reload and try again$/);
    }
    const versions = (await call(env, "GET", `${base}/versions`, { as: o.member.caller })).json().versions;
    expect(versions.map((v: { version: number }) => v.version)).toEqual(
      Array.from({ length: published.length + 1 }, (_, i) => published.length + 1 - i),
    );
  });
});
