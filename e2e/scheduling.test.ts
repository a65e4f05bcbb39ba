import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall as call, setUpThroughApi } from "./support/api";
import { type E2E, screenshot, seriousViolations, startE2E } from "./support/browser";
import { navigate } from "./support/flows";

const weekdays = (start: string, end: string) => {
  const day = [{ start, end }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day };
};

const DAY_MS = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Sam is busy 08:00–12:00 UTC every day for two months: all the hours Priya and Kenji share. */
function samsCalendar(): string {
  const day = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS).toISOString().slice(0, 10).replace(/-/g, "");
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Tandem e2e//EN",
    "BEGIN:VEVENT",
    "UID:school-run@e2e",
    "DTSTAMP:20260101T000000Z",
    `DTSTART:${day}T080000Z`,
    `DTEND:${day}T120000Z`,
    "RRULE:FREQ=DAILY;COUNT=60",
    "SUMMARY:Busy",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}

/** The start of "Show Mon 30 Nov, 14:30–15:00 on the timeline" as minutes on the viewer's wall clock. */
function wallMinutes(label: string): number {
  const match = /^Show \w{3} (\d{1,2}) (\w{3}), (\d\d):(\d\d)/.exec(label);
  if (!match) throw new Error(`not a slot label: ${label}`);
  const [, day, month, hours, minutes] = match;
  const now = new Date();
  const monthIndex = MONTHS.indexOf(month ?? "");
  const year = now.getUTCFullYear() + (monthIndex < now.getUTCMonth() - 6 ? 1 : 0);
  return Date.UTC(year, monthIndex, Number(day), Number(hours), Number(minutes)) / 60_000;
}

async function pick(page: Page, field: string, option: string) {
  await page.getByRole("combobox", { name: field, exact: true }).click();
  await page.getByRole("option", { name: option }).click();
  await page.keyboard.press("Escape");
}

describe("finding a time and sharing out a rotation in a browser", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    const { page, baseUrl } = e2e;
    await setUpThroughApi(page.request, baseUrl, {
      organisation: "Acme Remote",
      name: "Priya Patel",
      email: "priya@example.test",
      password: "correct horse battery",
      timeZone: "Asia/Kolkata",
    });
    // Kenji (London, 09–17) shares 14:30–17:00 Kolkata time with Priya; Sam (New York) shares nothing.
    const people = [
      {
        name: "Kenji Sato",
        email: "kenji@example.test",
        timeZone: "Europe/London",
        week: weekdays("09:00", "17:00"),
      },
      {
        name: "Sam Lee",
        email: "sam@example.test",
        timeZone: "America/New_York",
        week: weekdays("08:00", "16:00"),
      },
    ];
    const ids: string[] = [];
    for (const p of people) {
      const { person } = await call<{ person: { id: string } }>(page.request, baseUrl, "POST", "/people", {
        name: p.name,
        email: p.email,
        role: "member",
        timeZone: p.timeZone,
      });
      await call(page.request, baseUrl, "PUT", `/people/${person.id}/working-pattern`, { week: p.week });
      ids.push(person.id);
    }
    // An admin may add a calendar for someone: Sam's busy time is what Find a time reports.
    await call(page.request, baseUrl, "POST", `/people/${ids[1]}/calendars`, {
      name: "Sam's calendar",
      ics: samsCalendar(),
    });
    const { team } = await call<{ team: { id: string } }>(page.request, baseUrl, "POST", "/teams", {
      name: "Core",
    });
    await call(page.request, baseUrl, "PUT", `/teams/${team.id}/members`, {
      members: ids.map((personId) => ({ personId, role: "member" })),
    });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("lists slots with everyone's local time, marks who is outside hours, and draws the week", async () => {
    const { page, baseUrl } = e2e;
    page.setDefaultTimeout(15_000);
    await page.goto(baseUrl);
    await navigate(page, "Find a time");
    await pick(page, "Required people", "Kenji Sato");
    await pick(page, "Optional people", "Sam Lee");
    await page.getByRole("button", { name: "Find times" }).click();

    const slots = page.getByRole("list", { name: "Suggested times, best first" }).getByTestId("slot");
    await slots.first().waitFor();
    const first = slots.first();
    // Priya sees Kolkata time; Kenji's London clock is 5.5 hours behind, so it always differs.
    await first.getByText(/Kenji Sato · \d\d:\d\d their time/).waitFor();
    await first.getByText(/Sam Lee · .*their time/).waitFor();
    await first.getByText("outside working hours", { exact: true }).waitFor();
    await first.getByText(/^Outside working hours for Sam Lee/).waitFor();
    expect(await first.getByText(/Priya Patel · /).count()).toBe(0);
    expect(await slots.count()).toBe(10);

    // Each slot names what it costs whom, in sentences.
    const costs = first.getByRole("list", { name: /^What costs whom at / }).getByRole("listitem");
    expect(await costs.allTextContents()).toEqual([
      expect.stringMatching(/^Sam Lee: \d\d:\d\d local, before working hours$/),
      "Sam Lee: busy",
    ]);
    // No two suggestions start within an hour of each other.
    const labels = await page
      .getByRole("button", { name: /on the timeline$/ })
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label") ?? ""));
    const starts = labels.map(wallMinutes).sort((a, b) => a - b);
    expect(starts).toHaveLength(10);
    for (let i = 1; i < starts.length; i++) {
      expect((starts[i] ?? 0) - (starts[i - 1] ?? 0), labels.join("; ")).toBeGreaterThanOrEqual(60);
    }

    await first.getByRole("button", { name: /on the timeline$/ }).click();
    await page.getByTestId("week-timeline").waitFor();
    const hours = page.getByRole("table").filter({ hasText: "Working hours that week" });
    await hours.getByRole("rowheader", { name: "Kenji Sato" }).waitFor();
    // Kenji's 09:00–17:00 London is 14:30–22:30 in Priya's zone (13:30–21:30 while London is on summer time).
    await hours
      .getByRole("row", { name: /Kenji Sato/ })
      .getByText(/^(14:30–22:30|13:30–21:30)$/)
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "scheduling-find-a-time");
  });

  it("plans a rotation for a team, shows each person's burden, saves it to the ledger", async () => {
    const { page } = e2e;
    await navigate(page, "Rotation");
    await page.getByText("Nothing on the ledger yet").waitFor();
    await page.getByRole("combobox", { name: 'Add a whole team to "Who takes part"' }).click();
    await page.getByRole("option", { name: "Core (2)" }).click();
    await page.getByLabel("How many weeks").fill("6");
    await page.getByLabel("Name (for saving)").fill("Cross-zone sync");
    await page.getByRole("button", { name: "Plan the rotation" }).click();

    const schedule = page.getByRole("table").filter({ hasText: "The schedule, in your time" });
    await schedule.waitFor();
    expect(await schedule.locator("tbody tr").count()).toBe(6);
    const burden = page.getByRole("region", { name: "Who carries the inconvenience" });
    for (const name of ["Priya Patel", "Kenji Sato", "Sam Lee"]) await burden.getByText(name).waitFor();
    // No time suits Kolkata and New York together: someone pays every week.
    const points = await burden.getByText(/^\d+ points?$/).allTextContents();
    expect(points.map((p) => Number.parseInt(p, 10)).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Save rotation" }).click();
    await page.getByRole("button", { name: "Saved" }).waitFor();
    const ledger = page.getByRole("table", { name: "Inconvenience ledger" });
    await ledger.waitFor();
    expect(await ledger.locator("tbody tr").count()).toBeGreaterThan(0);
    await page.getByRole("region", { name: "Saved rotations" }).getByText("Cross-zone sync").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "scheduling-rotation");

    await page.getByRole("button", { name: "Delete Cross-zone sync" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete rotation" }).click();
    await page.getByText("Rotation deleted; its inconvenience is off the ledger").waitFor();
    await page.getByRole("region", { name: "Saved rotations" }).waitFor({ state: "detached" });
  });
});
