import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";

let env: TestEnv;
let org: TestOrg;

beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

/**
 * The JSON escape `\ud800` is a lone surrogate: JSON.parse accepts it, but no UTF-8 text can hold
 * it. Payloads are written by hand, as JSON.stringify would escape them differently.
 */
describe("text that is not well-formed Unicode", () => {
  it.each([
    { route: "POST /api/v1/me/tokens", payload: '{"name":"laptop \\ud800"}', field: "name" },
    {
      route: "POST /api/v1/auth/login",
      payload: '{"email":"a\\udc00@example.test","password":"x"}',
      field: "email",
    },
    { route: "POST /api/v1/teams", payload: '{"name":"\\ud83d Team"}', field: "name" },
    { route: "POST /api/v1/me/tokens", payload: '{"name":"ok","\\ud800":1}', field: "body" },
  ])("answers 400 validation_failed naming $field on $route", async ({ route, payload, field }) => {
    const [method, url] = route.split(" ") as ["POST", string];
    const res = await call(env, method, url, {
      as: org.admin.caller,
      payload,
      headers: { "content-type": "application/json" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: "validation_failed",
      details: { fields: [{ path: field, message: expect.stringContaining("well-formed text") }] },
    });
  });

  it("names the field nested in a profile update, and still takes a whole emoji (a surrogate pair)", async () => {
    const { person, caller } = await org.add("member");
    const broken = await call(env, "PATCH", `/api/v1/people/${person.id}`, {
      as: caller,
      payload: '{"name":"Ana \\udc00"}',
      headers: { "content-type": "application/json" },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.details.fields[0].path).toBe("name");
    const emoji = await call(env, "PATCH", `/api/v1/people/${person.id}`, {
      as: caller,
      payload: '{"name":"Ana \\ud83d\\ude00"}',
      headers: { "content-type": "application/json" },
    });
    expect(emoji.statusCode).toBe(200);
    expect(emoji.json().person.name).toBe("Ana 😀");
  });
});
