import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMALL_ICS } from "../../../../test/matrix/calendars";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, freshEnv, type TestEnv } from "../../../../test/support/harness";
import { BREAK_AFTER_FAILURES, dueCalendars, refreshCalendar } from "./calendars.jobs";
import { calendars } from "./calendars.table";

/** A real HTTP server on 127.0.0.1: `/flaky.ics` fails with 500 until `healthy` is set. */
let server: Server;
let base: string;
let healthy = false;
const received: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    received.push(req.url ?? "");
    if (req.url === "/good.ics" || (req.url === "/flaky.ics" && healthy)) {
      res.writeHead(200, { "content-type": "text/calendar" }).end(SMALL_ICS);
    } else res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("a subscribed calendar that keeps failing", () => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    // Its own database: no other test app's job worker takes these calendars' refresh jobs.
    env = await freshEnv({ TANDEM_ALLOW_PRIVATE_URLS: "true" });
    org = await makeOrg(env);
  });

  /** A URL calendar inserted directly, so no refresh job runs beside the test's own refreshes. */
  async function subscription(path: string) {
    const owner = await org.add("member");
    const [row] = await env.deps.db
      .insert(calendars)
      .values({
        organisationId: org.organisation.id,
        personId: owner.person.id,
        name: "Rota",
        kind: "url",
        url: `${base}${path}`,
      })
      .returning();
    if (!row) throw new Error("no calendar row");
    const url = `/api/v1/people/${owner.person.id}/calendars`;
    return {
      id: row.id,
      url: `${url}/${row.id}`,
      refresh: () => refreshCalendar(env.deps, { organisationId: org.organisation.id, calendarId: row.id }),
      view: async (as: TestPerson = owner) =>
        (await call(env, "GET", url, { as: as.caller })).json().calendars[0],
      owner,
    };
  }
  /** Whether the periodic sweep would queue it. */
  const swept = async (id: string) => (await dueCalendars(env.deps)).some((job) => job.calendarId === id);

  it("is marked broken after three failures in a row, with the reason, and is not fetched again", async () => {
    const cal = await subscription("/always-500.ics");
    await cal.refresh();
    await cal.refresh();
    expect(await cal.view()).toMatchObject({ failedRefreshes: 2, broken: false });
    expect(await swept(cal.id)).toBe(true);
    await cal.refresh();
    expect(BREAK_AFTER_FAILURES).toBe(3);
    const broken = await cal.view();
    expect(broken).toMatchObject({ failedRefreshes: 3, broken: true });
    expect(broken.lastError).toContain("answered HTTP 500");

    const before = received.length;
    expect(await swept(cal.id)).toBe(false);
    await cal.refresh(); // a job queued before it broke
    expect(received.length).toBe(before);
  });

  it("Retry clears the broken mark and fetches at once; a success resets the count", async () => {
    const cal = await subscription("/flaky.ics");
    for (let i = 0; i < BREAK_AFTER_FAILURES; i++) await cal.refresh();
    expect(await cal.view()).toMatchObject({ broken: true });
    healthy = true;
    const before = received.length;
    const res = await call(env, "POST", `${cal.url}/refresh`, { as: cal.owner.caller });
    expect(res.statusCode).toBe(200);
    expect(res.json().calendar).toMatchObject({
      broken: false,
      failedRefreshes: 0,
      lastError: null,
      eventCount: 1,
    });
    expect(res.json().calendar.lastSyncedAt).not.toBeNull();
    expect(received.slice(before)).toEqual(["/flaky.ics"]);
    healthy = false;
    await cal.refresh();
    expect(await cal.view()).toMatchObject({ failedRefreshes: 1, broken: false, eventCount: 1 });
  });

  it("a new address starts it again and is fetched at once", async () => {
    const cal = await subscription("/always-500.ics");
    for (let i = 0; i < BREAK_AFTER_FAILURES; i++) await cal.refresh();
    const res = await call(env, "PUT", cal.url, { as: cal.owner.caller, body: { url: `${base}/good.ics` } });
    expect(res.statusCode).toBe(200);
    expect(res.json().calendar).toMatchObject({ broken: false, failedRefreshes: 0, eventCount: 1 });
    expect(await swept(cal.id)).toBe(false); // just synced: not due
  });

  it("a retry that fails again counts as the first failure of a new run", async () => {
    const cal = await subscription("/always-500.ics");
    for (let i = 0; i < BREAK_AFTER_FAILURES; i++) await cal.refresh();
    const res = await call(env, "POST", `${cal.url}/refresh`, { as: cal.owner.caller });
    expect(res.json().calendar).toMatchObject({ broken: false, failedRefreshes: 1 });
    expect(res.json().calendar.lastError).toContain("answered HTTP 500");
  });

  it("refuses Retry and a new address for an uploaded file, and a malformed calendar id", async () => {
    const { person, caller } = await org.add("member");
    const created = await call(env, "POST", `/api/v1/people/${person.id}/calendars`, {
      as: caller,
      body: { name: "Work", ics: SMALL_ICS },
    });
    const url = `/api/v1/people/${person.id}/calendars/${created.json().calendar.id}`;
    expect((await call(env, "POST", `${url}/refresh`, { as: caller })).statusCode).toBe(409);
    const moved = await call(env, "PUT", url, { as: caller, body: { url: `${base}/good.ics` } });
    expect(moved.statusCode).toBe(409);
    const both = await call(env, "PUT", url, {
      as: caller,
      body: { ics: SMALL_ICS, url: `${base}/good.ics` },
    });
    expect(both.statusCode).toBe(400);
    const bad = await call(env, "POST", `/api/v1/people/${person.id}/calendars/not-a-uuid/refresh`, {
      as: caller,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("validation_failed");
  });
});
