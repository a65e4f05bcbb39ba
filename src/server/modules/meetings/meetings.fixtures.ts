import { afterAll, beforeAll } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { type TestEnv, testEnv } from "../../../../test/support/harness";
import type { Clock } from "../../platform/clock";

export interface MeetingsFixture {
  env: TestEnv;
  org: TestOrg;
}

/**
 * For a meetings test file: the shared test env with its clock stopped at `now` (put back after the
 * file's tests) and a new organisation, handed to `ready` before the first test:
 * `stoppedAt(NOW, (f) => ({ env, org } = f));`
 */
export function stoppedAt(now: string, ready: (fixture: MeetingsFixture) => void): void {
  let env: TestEnv | undefined;
  let realClock: Clock | undefined;
  beforeAll(async () => {
    env = await testEnv();
    realClock = env.deps.clock;
    env.deps.clock = { now: () => new Date(now) };
    ready({ env, org: await makeOrg(env) });
  });
  afterAll(() => {
    if (env && realClock) env.deps.clock = realClock;
  });
}
