import { afterAll, describe, expect, it } from "vitest";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";

describe("the request rate limit", () => {
  let env: TestEnv;
  afterAll(async () => {
    await env?.app.close();
  });

  it("answers 429 in the error shape past TANDEM_RATE_LIMIT requests a minute from one address", async () => {
    env = await testEnv({ TANDEM_RATE_LIMIT: "3" });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(env, "GET", "/api/v1/setup")).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call(env, "GET", "/api/v1/setup");
    expect(limited.json().error).toMatchObject({ code: "too_many_requests" });
    expect(limited.headers["retry-after"]).toBeDefined();
  });
});
