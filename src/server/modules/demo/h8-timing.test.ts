import { it } from "vitest";
import { call, freshEnv } from "../../../../test/support/harness";

it("times the demo seed (temporary, helper h8)", async () => {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const env = await freshEnv();
    const t0 = performance.now();
    const res = await call(env, "POST", "/api/v1/setup/demo");
    times.push(Math.round(performance.now() - t0));
    if (res.statusCode !== 201) throw new Error(res.body);
    await env.app.close();
  }
  console.log(`H8 SEED MS ${process.env.TEST_DATABASE_URL ? "pg" : "pglite"}: ${times.join(", ")}`);
}, 120_000);
