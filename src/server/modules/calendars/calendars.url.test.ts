import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, freshEnv, type TestEnv, testEnv } from "../../../../test/support/harness";
import { fetchText, OutboundError } from "../../platform/outbound";
import { refreshCalendar, refreshDueCalendars } from "./index";

const DAY = 86_400_000;
const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10).replace(/-/g, "");
const SERVED_ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "BEGIN:VEVENT",
  "UID:served@test",
  `DTSTART:${tomorrow}T090000Z`,
  `DTEND:${tomorrow}T103000Z`,
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

/** A real HTTP server on 127.0.0.1 that records every request it receives. */
let server: Server;
let port: number;
const received: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    received.push(req.url ?? "");
    if (req.url === "/missing.ics") res.writeHead(404).end();
    else if (req.url === "/broken.ics") res.end(SERVED_ICS.replace("END:VCALENDAR", ""));
    else res.writeHead(200, { "content-type": "text/calendar" }).end(SERVED_ICS);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const LIMITS = { maxBytes: 1_000_000, timeoutMs: 5_000 };

describe("outbound fetch: private, loopback and link-local addresses are refused before connecting", () => {
  const hosts = [
    "127.0.0.1",
    "0x7f.1",
    "2130706433",
    "[::ffff:127.0.0.1]",
    "169.254.169.254",
    "10.0.0.1",
    "localhost",
  ];
  it.each(hosts)("refuses http://%s", async (host) => {
    const before = received.length;
    const attempt = fetchText(`http://${host}:${port}/cal.ics`, { allowPrivate: false, ...LIMITS });
    await expect(attempt).rejects.toSatisfy(
      (err) =>
        err instanceof OutboundError && err.reason === "refused" && /private, loopback/.test(err.message),
    );
    expect(received.length).toBe(before);
  });

  it("fetches from the same server when the instance allows private addresses; bounds the size", async () => {
    const text = await fetchText(`http://127.0.0.1:${port}/cal.ics`, {
      allowPrivate: true,
      ...LIMITS,
    });
    expect(text).toBe(SERVED_ICS);
    const tooBig = fetchText(`http://127.0.0.1:${port}/cal.ics`, {
      allowPrivate: true,
      maxBytes: 50,
      timeoutMs: 5000,
    });
    await expect(tooBig).rejects.toMatchObject({ reason: "too_large" });
  });
});

describe("URL calendars (refresh-calendar job)", () => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv();
    org = await makeOrg(env);
  });

  it("records a refused address as the calendar's last error; no request reaches the server", async () => {
    const before = received.length;
    const { person, caller } = await org.add("member");
    const res = await call(env, "POST", `/api/v1/people/${person.id}/calendars`, {
      as: caller,
      body: { name: "Intranet", url: `http://127.0.0.1:${port}/cal.ics` },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().calendar).toMatchObject({ kind: "url", eventCount: 0, lastSyncedAt: null });
    await refreshCalendar(env.deps, {
      organisationId: org.organisation.id,
      calendarId: res.json().calendar.id,
    });
    const [calendar] = (
      await call(env, "GET", `/api/v1/people/${person.id}/calendars`, { as: caller })
    ).json().calendars;
    expect(calendar.lastError).toContain("private, loopback or link-local");
    expect(calendar.host).toBe(`127.0.0.1:${port}`);
    expect(received.length).toBe(before);
  });
});

describe("URL calendars with TANDEM_ALLOW_PRIVATE_URLS=true", () => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    // A database of its own: on PostgreSQL the per-run database is shared, and a worker of another
    // test app (without the flag) could take this app's refresh jobs.
    env = await freshEnv({ TANDEM_ALLOW_PRIVATE_URLS: "true" });
    org = await makeOrg(env);
  });

  async function subscribe(path: string) {
    const { person, caller } = await org.add("member");
    const base = `/api/v1/people/${person.id}/calendars`;
    const res = await call(env, "POST", base, {
      as: caller,
      body: { name: "Team", url: `http://127.0.0.1:${port}${path}` },
    });
    expect(res.statusCode).toBe(201);
    return { person, caller, base, id: res.json().calendar.id as string };
  }

  it("the job worker fetches a subscribed URL from a local server and stores its busy time", async () => {
    const { person, caller, base } = await subscribe("/team.ics");
    let calendar: { lastSyncedAt: string | null; eventCount: number } | undefined;
    for (let tries = 0; tries < 100 && !calendar?.lastSyncedAt; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      calendar = (await call(env, "GET", base, { as: caller })).json().calendars[0];
    }
    expect(calendar).toMatchObject({ eventCount: 1, lastError: null });
    expect(received).toContain("/team.ics");
    const from = new Date(Date.now()).toISOString();
    const to = new Date(Date.now() + 3 * DAY).toISOString();
    const busy = await call(env, "GET", `/api/v1/people/${person.id}/busy?from=${from}&to=${to}`, {
      as: caller,
    });
    const day = `${tomorrow.slice(0, 4)}-${tomorrow.slice(4, 6)}-${tomorrow.slice(6)}`;
    expect(busy.json().busy).toEqual([{ start: `${day}T09:00:00.000Z`, end: `${day}T10:30:00.000Z` }]);
  });

  it("keeps an HTTP error or a malformed file as the last error, with the line", async () => {
    const missing = await subscribe("/missing.ics");
    await refreshCalendar(env.deps, { organisationId: org.organisation.id, calendarId: missing.id });
    const broken = await subscribe("/broken.ics");
    await refreshCalendar(env.deps, { organisationId: org.organisation.id, calendarId: broken.id });
    const errorOf = async (s: { base: string; caller: typeof missing.caller }) =>
      (await call(env, "GET", s.base, { as: s.caller })).json().calendars[0].lastError;
    expect(await errorOf(missing)).toContain("answered HTTP 404");
    expect(await errorOf(broken)).toContain("missing END:VCALENDAR");
  });

  it("the periodic sweep queues every URL calendar not synced within the hour", async () => {
    await subscribe("/sweep.ics");
    expect(await refreshDueCalendars(env.deps)).toBeGreaterThanOrEqual(1);
  });
});
