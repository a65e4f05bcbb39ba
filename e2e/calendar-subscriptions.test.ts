import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendars, refreshCalendar } from "../src/server/modules/calendars";
import { setUpThroughApi } from "./support/api";
import { type E2E, screenshot, seriousViolations, startE2E } from "./support/browser";
import { navigate } from "./support/flows";

const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10).replace(/-/g, "");
const TEAM_ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "BEGIN:VEVENT",
  "UID:rota@e2e",
  `DTSTART:${tomorrow}T090000Z`,
  "DURATION:PT1H",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

describe("a subscribed calendar that stops refreshing", () => {
  let e2e: E2E;
  let server: Server;
  let base: string;
  let healthy = false;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/moved.ics" || healthy) res.writeHead(200).end(TEAM_ICS);
      else res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    e2e = await startE2E({ TANDEM_ALLOW_PRIVATE_URLS: "true" });
    await setUpThroughApi(e2e.page.request, e2e.baseUrl, {
      organisation: "Acme Remote",
      name: "Priya Patel",
      email: "priya@example.test",
      password: "correct horse battery",
      timeZone: "Europe/London",
    });
  });
  afterAll(async () => {
    await e2e?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it("says why after three failures, and Retry or a new address brings it back", async () => {
    const { page, baseUrl, runtime } = e2e;
    page.setDefaultTimeout(15_000);
    await page.goto(baseUrl);
    await navigate(page, "My calendar");
    const section = page.getByRole("region", { name: "Calendars" });
    const form = section.getByRole("form", { name: "Add a calendar by its address" });
    await form.getByRole("textbox", { name: /^Name/ }).fill("Team rota");
    await form.getByLabel("Calendar address (iCal link)").fill(`${base}/rota.ics`);
    await form.getByRole("button", { name: "Add calendar" }).click();
    await section.getByText(/^The last refresh failed: .*HTTP 500/).waitFor();

    // Two more periodic refreshes fail: the third in a row marks it broken.
    const [row] = await runtime.deps.db.select().from(calendars);
    if (!row) throw new Error("the calendar was not stored");
    for (let i = 0; i < 2; i++) {
      await refreshCalendar(runtime.deps, { organisationId: row.organisationId, calendarId: row.id });
    }
    await page.reload();
    await section
      .getByText(/^Stopped refreshing after 3 failures: .*HTTP 500.*\. Check the address and press Retry\.$/)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "calendar-subscription-broken");

    healthy = true;
    await section.getByRole("button", { name: "Retry Team rota now" }).click();
    await section.getByText(/^Subscribed to 127\.0\.0\.1:\d+ · 1 event · last synced/).waitFor();
    expect(await section.getByText("Stopped refreshing").count()).toBe(0);

    healthy = false;
    await section.getByRole("button", { name: "Change address" }).click();
    await section.getByLabel("New calendar address (iCal link)").fill(`${base}/moved.ics`);
    await section.getByRole("button", { name: "Save and fetch" }).click();
    await expect
      .poll(async () => (await runtime.deps.db.select().from(calendars))[0]?.url)
      .toBe(`${base}/moved.ics`);
    await section.getByText(/· 1 event · last synced/).waitFor();
    expect(await section.getByText(/refresh failed|Stopped refreshing/).count()).toBe(0);
  });
});
