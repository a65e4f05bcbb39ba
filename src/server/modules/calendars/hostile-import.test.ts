import { beforeAll, describe, expect, it } from "vitest";
import { icsWorkload } from "../../../../bench/lib/ics-workload";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, freshEnv, type TestEnv, testEnv } from "../../../../test/support/harness";

const BIG = icsWorkload({ seed: 8, events: 20_000, recurringShare: 0.1, around: Date.now() });
const NEVER_MATCHES = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "BEGIN:VEVENT",
  "UID:never@test",
  "SUMMARY:Standup",
  "DTSTART:20260101T090000Z",
  "DURATION:PT30M",
  "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

/** Yields to the event loop until `done()` holds. */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
}

async function importing(env: TestEnv, org: TestOrg, ics: string) {
  const { person, caller } = await org.add("member");
  const url = `/api/v1/people/${person.id}/calendars`;
  return { url, caller, answer: call(env, "POST", url, { as: caller, body: { name: "Big", ics } }) };
}

describe("the server keeps answering while it reads a hostile calendar", () => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    // A generous budget: this machine may be loaded, and reading 20,000 events must not time out here.
    env = await testEnv({ ICS_TIME_BUDGET_MS: "300000" });
    org = await makeOrg(env);
  });

  it("answers /healthz while a 20,000-event file is being read, before the import finishes", async () => {
    const { answer } = await importing(env, org, BIG);
    let imported = false;
    const done = answer.then((res) => {
      imported = true;
      return res;
    });
    await until(() => env.deps.workers.running > 0);
    for (let i = 0; i < 3; i++) {
      const health = await call(env, "GET", "/healthz");
      expect(health.statusCode).toBe(200);
      expect(imported).toBe(false);
    }
    const res = await done;
    expect(res.statusCode).toBe(201);
    expect(res.json().calendar.eventCount).toBeGreaterThan(15_000);
  }, 300_000);

  it("answers /healthz while a rule that never matches is read, and answers the import without a 500", async () => {
    // Read on the main thread, this rule used to loop forever: /healthz never answered.
    const { answer } = await importing(env, org, NEVER_MATCHES);
    const health = await call(env, "GET", "/healthz");
    expect(health.statusCode).toBe(200);
    expect([201, 400]).toContain((await answer).statusCode);
  }, 60_000);
});

describe("a calendar that takes longer than ICS_TIME_BUDGET_MS", () => {
  it("is ended by the budget: 400 invalid_ics saying what to do, nothing stored", async () => {
    const env = await freshEnv({ ICS_TIME_BUDGET_MS: "50" });
    const org = await makeOrg(env);
    const { url, caller, answer } = await importing(env, org, BIG);
    const res = await answer;
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "invalid_ics" });
    expect(res.json().error.message).toMatch(/^Reading this calendar took longer than 0\.05 s.*try again/);
    expect((await call(env, "GET", url, { as: caller })).json().calendars).toEqual([]);
    expect(env.deps.workers.threadCount).toBe(0);
  });
});
