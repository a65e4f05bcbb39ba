import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeOpenEnvs } from "../../test/support/harness";
import { collaborationJobCases } from "./jobs.idempotent.collaboration.fixtures";
import { dataJobCases } from "./jobs.idempotent.data.fixtures";
import { type JobCases, type LocalServers, startLocalServers } from "./jobs.idempotent.fixtures";
import { messagingJobCases } from "./jobs.idempotent.messaging.fixtures";
import { JOBS } from "./modules";
import { erasureJobCases } from "./modules/data-rights/erasure.jobs.fixtures";
import { insightsJobCases } from "./modules/insights/rollup.jobs.fixtures";

let servers: LocalServers;
beforeAll(async () => {
  servers = await startLocalServers();
});
// The sweeps' cases each open a database of their own: closed after each, or a run on PostgreSQL
// holds more connections than it has ("too many clients already").
afterEach(() => closeOpenEnvs());
afterAll(async () => {
  await servers.close();
});

/** Every job's case, by theme in `jobs.idempotent.*.fixtures.ts` and beside their modules. */
const cases: JobCases = {
  ...insightsJobCases,
  ...erasureJobCases,
  ...messagingJobCases(() => servers),
  ...collaborationJobCases,
  ...dataJobCases,
};

describe("every job is idempotent: run twice with one payload, it changes nothing more", () => {
  it("has a case here for each job of every module", () => {
    expect(Object.keys(cases).sort()).toEqual(JOBS.map((job) => job.name).sort());
  });

  it.each(Object.keys(cases))("%s", async (name) => {
    await cases[name]?.();
  });
});
