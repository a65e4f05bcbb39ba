import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, setUpThroughApi } from "./support/api";
import { type E2E, screenshot, seriousViolations, startE2E } from "./support/browser";
import { navigate, pathOf } from "./support/flows";

const DAY_MS = 86_400_000;
/** `20261130T100000`: a local date-time `days` after `monday` at `hhmm`. */
const local = (monday: number, days: number, hhmm: string) =>
  `${new Date(monday + days * DAY_MS).toISOString().slice(0, 10).replace(/-/g, "")}T${hhmm}00`;

/** Next Monday, 00:00 UTC. */
function nextMonday(): number {
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  return today + ((8 - new Date(today).getUTCDay()) % 7 || 7) * DAY_MS;
}
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A weekly Monday stand-up (one week skipped by EXDATE) and a one-off review, from next Monday on. */
function workCalendar(): string {
  const monday = nextMonday();
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Tandem e2e//EN",
    "BEGIN:VEVENT",
    "UID:standup@e2e",
    "DTSTAMP:20260101T000000Z",
    `DTSTART;TZID=Europe/London:${local(monday, 0, "1000")}`,
    `DTEND;TZID=Europe/London:${local(monday, 0, "1030")}`,
    "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=8",
    `EXDATE;TZID=Europe/London:${local(monday, 7, "1000")}`,
    "SUMMARY:Stand-up",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:review@e2e",
    "DTSTAMP:20260101T000000Z",
    `DTSTART:${local(monday, 2, "1400")}Z`,
    `DTEND:${local(monday, 2, "1500")}Z`,
    "SUMMARY:Quarterly review",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}

const BROKEN = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "BEGIN:VEVENT",
  "UID:x@e2e",
  "this is not a property",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

const ics = (name: string, text: string) => ({ name, mimeType: "text/calendar", buffer: Buffer.from(text) });

async function checkPage(page: Page, name: string) {
  expect(await seriousViolations(page), name).toEqual([]);
  await screenshot(page, name);
}

describe("My calendar: the week, calendars and the feed; focus blocks on the profile", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    await setUpThroughApi(e2e.page.request, e2e.baseUrl, {
      organisation: "Acme Remote",
      name: "Priya Patel",
      email: "priya@example.test",
      password: "correct horse battery",
      timeZone: "Asia/Kolkata",
    });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("uploads calendar files with a result per file, replaces one, and removes it", async () => {
    const { page, baseUrl } = e2e;
    page.setDefaultTimeout(15_000);
    await page.goto(baseUrl);
    await navigate(page, "Profile", "Your profile");
    // Calendars moved out of the profile: it points to the calendar page instead.
    expect(await page.getByRole("region", { name: "Calendars" }).count()).toBe(0);
    expect(await page.getByRole("region", { name: "Calendar feed" }).count()).toBe(0);
    await navigate(page, "My calendar");
    const section = page.getByRole("region", { name: "Calendars" });
    await section.getByText("No calendars yet").waitFor();

    const form = section.getByRole("form", { name: "Upload calendar files" });
    await form
      .locator('input[type="file"]')
      .setInputFiles([ics("Work calendar.ics", workCalendar()), ics("broken.ics", BROKEN)]);
    expect(await form.getByLabel("Name for Work calendar.ics").inputValue()).toBe("Work calendar");
    await form.getByRole("button", { name: "Upload 2 files" }).click();
    await form.getByText("Work calendar: 2 events").waitFor();
    await form.getByText(/^broken.ics: Line 5: not a content line/).waitFor();
    // The broken file stays chosen, to fix and send again; the good one is listed.
    await form.getByRole("button", { name: "Upload file" }).waitFor();
    const list = section.getByRole("list", { name: "Your calendars" });
    await list.getByText(/^Uploaded file · 2 events · last synced \w{3} \d{1,2} \w{3}, \d\d:\d\d$/).waitFor();
    await checkPage(page, "calendars-1-uploaded");

    // The review (14:00 UTC next Wednesday) is a busy block at 19:30 Priya's time, that day.
    const week = page.getByRole("list", { name: "Your week" });
    await page.getByRole("button", { name: "Next week" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("week")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.goto(`${baseUrl}/meetings/calendar?week=${dateOf(nextMonday())}`);
    const wednesday = week.locator(`li[data-date="${dateOf(nextMonday() + 2 * DAY_MS)}"]`);
    await wednesday.getByText(/busy (19:30–20:30|7:30\s?PM–8:30\s?PM) \(Work calendar\)/).waitFor();
    expect(await wednesday.getByTestId("busy-block").count()).toBe(1);
    await checkPage(page, "calendars-1b-week");

    const chooser = page.waitForEvent("filechooser");
    await list.getByRole("button", { name: "Replace the file of Work calendar" }).click();
    await (await chooser).setFiles(
      ics("work.ics", workCalendar().replace(/BEGIN:VEVENT[\s\S]*?END:VEVENT\r\n/, "")),
    );
    await list.getByText("Work calendar: 1 event (replaced)").waitFor();
    await list.getByText(/^Uploaded file · 1 event · /).waitFor();

    await list.getByRole("button", { name: "Remove Work calendar" }).click();
    await page
      .getByRole("dialog", { name: "Are you sure?" })
      .getByRole("button", { name: "Remove calendar" })
      .click();
    await section.getByText("No calendars yet").waitFor();

    // An event whose repeat rule never matches is named; the rest of the file imports.
    const never = workCalendar().replace(
      "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=8",
      "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
    );
    await form.locator('input[type="file"]').setInputFiles([ics("odd.ics", never)]);
    await form.getByRole("button", { name: "Upload file" }).click();
    await form.getByText(/^odd: 2 events$/).waitFor();
    await form.getByText("Line 4: Event 'Stand-up': its repeat rule never matches").waitFor();
  });

  it("saves focus blocks that stay after a reload and publishes them in the feed", async () => {
    const { page, baseUrl } = e2e;
    await navigate(page, "Profile", "Your profile");
    const focus = page.getByRole("region", { name: "Focus blocks" });
    await focus.getByText("No focus blocks yet.", { exact: false }).waitFor();
    await focus.getByRole("button", { name: "Add focus block on Tuesday" }).click();
    await focus.getByRole("textbox", { name: "Tuesday focus block 1 start" }).fill("09:30");
    await focus.getByRole("textbox", { name: "Tuesday focus block 1 end" }).fill("11:30");
    await focus.getByRole("button", { name: "Save focus blocks" }).click();
    await page.getByText("Focus blocks saved").waitFor();
    await page.reload();
    await expect
      .poll(() => focus.getByRole("textbox", { name: "Tuesday focus block 1 end" }).inputValue())
      .toBe("11:30");
    // The working pattern's editor is the same component, with its own labels.
    await page.getByRole("textbox", { name: "Monday hours 1 start" }).waitFor();

    // The calendar page draws them on Tuesdays, in Priya's (the viewer's) zone.
    await navigate(page, "My calendar");
    const tuesday = page.getByRole("list", { name: "Your week" }).locator("li").nth(1);
    await tuesday.getByText(/focus (09:30–11:30|9:30\s?AM–11:30\s?AM)/).waitFor();

    const feed = page.getByRole("region", { name: "Calendar feed" });
    await feed.getByRole("button", { name: "Show my feed link" }).click();
    const shown = feed.getByRole("status").filter({ hasText: "Your feed link, made" });
    const url = (await shown.locator("pre").textContent()) ?? "";
    expect(url).toMatch(/\/feeds\/[\w-]{43}\.ics$/);
    await feed.getByRole("button", { name: "Copy feed link" }).waitFor();
    await checkPage(page, "calendars-2-focus-and-feed");

    const res = await page.request.get(`${baseUrl}${pathOf(url)}`);
    expect(res.status()).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR/);
    expect(text).toContain("SUMMARY:Focus time");
    expect(text).toContain("RRULE:FREQ=WEEKLY;BYDAY=TU");
    expect(text).toMatch(/DTSTART;TZID=Asia\/Kolkata:\d{8}T093000/);

    // Asked again, the same link; a new one replaces it and the old one stops working.
    await page.reload();
    await feed.getByRole("button", { name: "Show my feed link" }).click();
    expect((await shown.locator("pre").textContent()) ?? "").toBe(url);
    await feed.getByRole("button", { name: "Make a new link" }).click();
    const dialog = page.getByRole("dialog", { name: "Are you sure?" });
    await dialog.getByText("The old link stops working").waitFor();
    await dialog.getByRole("button", { name: "Make a new link" }).click();
    // The link on the page changes once the server has made the new one.
    await expect
      .poll(async () => (await shown.locator("pre").textContent()) ?? "", { timeout: 15_000 })
      .not.toBe(url);
    const fresh = (await shown.locator("pre").textContent()) ?? "";
    expect(fresh).toMatch(/\/feeds\/[\w-]{43}\.ics$/);
    expect((await page.request.get(`${baseUrl}${pathOf(url)}`)).status()).toBe(404);
    expect((await page.request.get(`${baseUrl}${pathOf(fresh)}`)).status()).toBe(200);

    await page.setViewportSize({ width: 360, height: 800 });
    await checkPage(page, "calendars-3-phone");
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it("lets an admin manage someone's calendars but not their feed", async () => {
    const { page, baseUrl } = e2e;
    const { person } = await apiCall<{ person: { id: string } }>(page.request, baseUrl, "POST", "/people", {
      name: "Kenji Sato",
      email: "kenji@example.test",
      role: "member",
      timeZone: "Europe/London",
    });
    await page.goto(`${baseUrl}/team/people/${person.id}/edit`);
    await page.getByRole("heading", { name: "Edit Kenji Sato" }).waitFor();
    await page.getByRole("region", { name: "Focus blocks" }).waitFor();
    await page.getByRole("link", { name: "Kenji Sato's calendar" }).click();
    await page.getByRole("heading", { name: "Kenji Sato's calendar", level: 1 }).waitFor();
    await page.getByRole("region", { name: "Calendars" }).getByText("No calendars yet").waitFor();
    await page.getByRole("list", { name: "Kenji Sato's week" }).waitFor();
    expect(await page.getByRole("region", { name: "Calendar feed" }).count()).toBe(0);
  });
});
