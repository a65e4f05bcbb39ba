import { afterEach, beforeAll } from "vitest";
import { buildTeam } from "../../../../test/support/build";
import type { TestOrg, TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import type { Clock } from "../../platform/clock";

/** What the ritual tests share (creating and reading in checkins.test.ts; changing, deleting, preview in checkins.edit.test.ts). */

let env: TestEnv;

/**
 * The worker's env for a ritual test file, with the helpers below bound to it; the clock a test sets
 * is put back after each test. Call once at the top of the file.
 */
export function ritualTestEnv(): () => TestEnv {
  let realClock: Clock;
  beforeAll(async () => {
    env = await testEnv();
    realClock = env.deps.clock;
  });
  afterEach(() => {
    env.deps.clock = realClock;
  });
  return () => env;
}

export const BASE = "/api/v1/checkins";
export const get = (as: TestPerson, path: string) => call(env, "GET", path, { as: as.caller });
export const create = (as: TestPerson, body: Record<string, unknown>) =>
  call(env, "POST", BASE, { as: as.caller, body });
export const patch = (as: TestPerson, id: string, body: Record<string, unknown>) =>
  call(env, "PATCH", `${BASE}/${id}`, { as: as.caller, body });

/** A team led by the manager with the member in it. */
export const teamOf = async (o: TestOrg) =>
  (await buildTeam(env, { org: o, name: "Platform", lead: o.manager, members: [o.member] })).team;

export const schedule = { days: ["mon", "tue", "wed", "thu", "fri"], localTime: "09:30" };
