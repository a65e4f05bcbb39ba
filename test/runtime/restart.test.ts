import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/server/config";
import { type Runtime, startRuntime } from "../../src/server/runtime";
import { type Scratch, scratchDatabase } from "./scratch";

const owner = {
  name: "Rae Restart",
  email: "rae@example.test",
  password: "correct horse battery",
  timeZone: "Asia/Kolkata",
};

function request(runtime: Runtime, method: "GET" | "POST", url: string, body?: unknown, cookie?: string) {
  if (!runtime.app) throw new Error("no HTTP app");
  return runtime.app.inject({
    method,
    url,
    ...(body === undefined
      ? {}
      : { payload: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    ...(cookie ? { cookies: { tandem_session: cookie } } : {}),
  });
}

describe("restart persistence", () => {
  let scratch: Scratch | undefined;
  const running: Runtime[] = [];
  afterAll(async () => {
    for (const runtime of running) await runtime.stop().catch(() => undefined);
    await scratch?.remove();
  });

  it("keeps organisations, people and sessions across a restart; migrations run once", {
    timeout: 120_000,
  }, async () => {
    scratch = await scratchDatabase("restart");
    const start = () =>
      startRuntime(loadConfig({ ...scratch?.env, TANDEM_LOG_LEVEL: "silent" }), {
        listen: false,
        logger: false,
      });
    const first = await start();
    running.push(first);
    expect(first.migrations.applied).toHaveLength(first.migrations.total);
    const setup = await request(first, "POST", "/api/v1/setup", {
      organisation: { name: "Persistent Ltd", timeZone: "Europe/London" },
      owner,
    });
    expect(setup.statusCode).toBe(201);
    const session = setup.cookies.find((c) => c.name === "tandem_session")?.value;
    await first.stop();
    running.pop();

    const second = await start();
    running.push(second);
    expect(second.migrations).toEqual({ applied: [], total: first.migrations.total });
    expect((await request(second, "GET", "/api/v1/setup")).json()).toMatchObject({
      open: false,
      needsSetup: false,
    });
    const me = await request(second, "GET", "/api/v1/me", undefined, session);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      person: { id: setup.json().person.id, email: owner.email, timeZone: "Asia/Kolkata" },
      organisation: { id: setup.json().organisation.id, name: "Persistent Ltd" },
    });
    const login = await request(second, "POST", "/api/v1/auth/login", {
      email: owner.email,
      password: owner.password,
    });
    expect(login.statusCode).toBe(200);
  });
});
