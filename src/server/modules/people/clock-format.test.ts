import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";

let env: TestEnv;
let org: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

describe("clock format", () => {
  it("follows the browser until the person picks 12 or 24 hours, and can go back", async () => {
    const { person, caller } = await org.add("member");
    const me = async () => (await call(env, "GET", "/api/v1/me", { as: caller })).json().person.clockFormat;
    expect(await me()).toBeNull();

    const set = (clockFormat: string | null) =>
      call(env, "PATCH", `/api/v1/people/${person.id}`, { as: caller, body: { clockFormat } });
    expect((await set("12h")).json().person.clockFormat).toBe("12h");
    expect(await me()).toBe("12h");
    expect((await set(null)).statusCode).toBe(200);
    expect(await me()).toBeNull();
  });

  it("accepts only 12h or 24h, naming the field", async () => {
    const { person, caller } = await org.add("member");
    const res = await call(env, "PATCH", `/api/v1/people/${person.id}`, {
      as: caller,
      body: { clockFormat: "13h" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^Clock format must be one of 12h, 24h/);
  });
});
