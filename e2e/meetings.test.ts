import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, setUpThroughApi } from "./support/api";
import { type Browsing, type E2E, startE2E } from "./support/browser";
import { ALL_DAY, checkPage, joinAs, KENJI, navigationsOf, PRIYA } from "./support/flows";

const owner = PRIYA;
// Kenji works around the clock here, so the recap reaches his inbox at once whatever the hour of the run.
const kenji = KENJI;
const ana = {
  name: "Ana Lima",
  email: "ana@example.test",
  password: "ana's long password",
  timeZone: "America/Sao_Paulo",
};

async function recordDecision(page: Page, text: string) {
  const form = page.getByRole("form", { name: "Record a decision" });
  await form.getByLabel("Decision").fill(text);
  await form.getByRole("button", { name: "Record", exact: true }).click();
}

/**
 * Issue 11 in a browser: a meeting from the advisor to its recap, which a follow-async attendee finds
 * in their own inbox; and the live agenda between two attendees' browsers.
 */
describe("meetings in a browser", () => {
  let e2e: E2E;
  let k: Browsing;
  let kenjiId = "";
  const errors: string[] = [];
  beforeAll(async () => {
    e2e = await startE2E();
    const { page, baseUrl } = e2e;
    await setUpThroughApi(page.request, baseUrl, owner);
    ({ id: kenjiId, browsing: k } = await joinAs(e2e, kenji));
    await joinAs(e2e, ana);
    await apiCall(page.request, baseUrl, "PUT", `/people/${kenjiId}/working-pattern`, { week: ALL_DAY });
    for (const p of [page, k.page]) {
      p.setDefaultTimeout(15_000);
      p.on("pageerror", (e) => errors.push(String(e)));
    }
  }, 60_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it("creates a meeting from the advisor to its recap, which the follow-async attendee reads", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/meetings`);
    await page.getByRole("heading", { name: "Meetings", level: 1 }).waitFor();
    await page.getByRole("link", { name: "New meeting" }).first().click();

    // The advisor's question first: what for, and with whom.
    await page.getByRole("heading", { name: "New meeting", level: 1 }).waitFor();
    await page.getByRole("radio", { name: /^Decide/ }).check();
    const who = page.getByRole("combobox", { name: "Who takes part" });
    for (const name of [kenji.name, ana.name]) {
      await who.click();
      await page.getByRole("option", { name }).click();
    }
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Ask the advisor" }).click();
    await page.locator("#advice-heading").waitFor();
    await page.getByRole("button", { name: /^(Meet anyway|Go on to the meeting's details)$/ }).click();

    // Details, with the agenda from the "Decision" template.
    const details = page.getByRole("form", { name: "Meeting details" });
    await details.getByRole("textbox", { name: "Title" }).fill("Choose the launch date");
    await details.getByRole("textbox", { name: "Length (minutes)" }).fill("30");
    const times = page.getByLabel("Each attendee's local time at the start");
    await expect(times.textContent()).resolves.toContain(kenji.name);
    await expect(times.textContent()).resolves.toContain(ana.name);
    await details.getByRole("combobox", { name: "Start from a template" }).click();
    await page.getByRole("option", { name: "Decision" }).click();
    await expect
      .poll(() => details.getByRole("textbox", { name: "Item 1" }).inputValue())
      .toBe("The question, and why now");
    await checkPage(page, "meetings-1-details");
    await details.getByRole("button", { name: "Create meeting" }).click();
    await page.getByRole("heading", { name: "Choose the launch date", level: 1 }).waitFor();
    const meetingPath = new URL(page.url()).pathname;
    expect(meetingPath).toMatch(/^\/meetings\/[0-9a-f-]{36}$/);
    await page.getByText("1. The question, and why now").waitFor();

    // Kenji will not attend: he follows async, through his own page.
    await k.page.goto(`${baseUrl}${meetingPath}`);
    const answers = k.page.getByRole("group", { name: "Will you attend?" });
    await answers.getByRole("button", { name: "Follow async" }).click();
    await expect
      .poll(() => answers.getByRole("button", { name: "Follow async" }).getAttribute("aria-pressed"))
      .toBe("true");
    await checkPage(k.page, "meetings-2-follow-async");

    // Priya records the decision and completes the meeting: the recap goes to everyone invited.
    await recordDecision(page, "Launch on 3 March");
    await page.getByText(/recorded by Priya Patel/).waitFor();
    await page.getByRole("button", { name: "Complete meeting" }).click();
    await page.getByRole("button", { name: "Complete and send recap" }).click();
    await page.getByRole("heading", { name: "Recap" }).waitFor();
    await checkPage(page, "meetings-3-recap");

    // Kenji, who did not attend, has the recap in his inbox, with the decision.
    await k.page.goto(`${baseUrl}/inbox`);
    await k.page.getByRole("heading", { name: "Inbox", level: 1 }).waitFor();
    const recap = k.page
      .getByRole("list", { name: "Notifications" })
      .getByRole("listitem")
      .filter({ hasText: "Recap: Choose the launch date" });
    await recap.getByText("Launch on 3 March").waitFor();
    await checkPage(k.page, "meetings-4-recap-in-inbox");
    expect(errors).toEqual([]);
  }, 120_000);

  it("shows one attendee's covered item and decision to the other within 2 seconds, without a reload", async () => {
    const { page, baseUrl } = e2e;
    const start = new Date(Date.now() + 10 * 60_000);
    start.setUTCSeconds(0, 0);
    const { meeting } = await apiCall<{ meeting: { id: string } }>(
      page.request,
      baseUrl,
      "POST",
      "/meetings",
      {
        title: "Pricing decision",
        kind: "decision",
        start: start.toISOString(),
        durationMinutes: 30,
        attendees: [{ personId: kenjiId }],
        agenda: [
          { title: "Options", minutes: 10, outcome: "discuss" },
          { title: "Vote", minutes: 10, outcome: "decide" },
        ],
      },
    );
    await page.goto(`${baseUrl}/meetings/${meeting.id}`);
    await page.getByRole("heading", { name: "Pricing decision", level: 1 }).waitFor();
    const streamOpened = k.page.waitForResponse((r) => r.url().endsWith("/api/v1/events") && r.ok());
    await k.page.goto(`${baseUrl}/meetings/${meeting.id}`);
    const kenjiSees = k.page.getByRole("checkbox", { name: "“Options” covered" });
    await kenjiSees.waitFor();
    await streamOpened;
    expect(await kenjiSees.isChecked()).toBe(false);
    const reloads = navigationsOf(k.page);

    // The box follows the server's answer, so it is clicked rather than checked.
    await page.getByRole("checkbox", { name: "“Options” covered" }).click();
    await expect.poll(() => kenjiSees.isChecked(), { timeout: 2000 }).toBe(true);

    await recordDecision(page, "Two tiers, not three");
    await expect.poll(() => k.page.getByText("Two tiers, not three").count(), { timeout: 2000 }).toBe(1);
    expect(reloads.count).toBe(0);
    await checkPage(k.page, "meetings-5-live");
    expect(errors).toEqual([]);
  }, 60_000);
});

/**
 * The demo's meetings as a newcomer finds them (seeded through the services): Home's action items,
 * the week with a completed and a flagged meeting, the completed weekly with its recap and rating,
 * the next one with what carried forward, the one-to-one's private notes. Each page passes axe.
 */
describe("the demo's meetings in a browser", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    const seeded = await e2e.page.request.post(`${e2e.baseUrl}/api/v1/setup/demo`);
    expect(seeded.status()).toBe(201);
    e2e.page.setDefaultTimeout(15_000);
  }, 120_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it("shows them working, and every meetings page passes axe", async () => {
    const { page, baseUrl } = e2e;
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(baseUrl);
    const mine = page.getByRole("region", { name: "My action items" });
    await mine.getByText("Draft the pricing one-pager for the new plan").waitFor();
    await mine.getByText("Collect estimates from Platform before planning").waitFor();
    await checkPage(page, "meetings-demo-1-home");

    await page.goto(`${baseUrl}/meetings`);
    const week = page.getByTestId("meeting");
    await week.filter({ hasText: "Ideas from customer feedback" }).getByText("Agenda missing").waitFor();
    await week.filter({ hasText: "Product weekly" }).first().waitFor();
    await checkPage(page, "meetings-demo-2-list");

    const { meetings } = await apiCall<{ meetings: { id: string; title: string }[] }>(
      page.request,
      baseUrl,
      "GET",
      "/meetings",
    );
    const idOf = (title: string, nth = 0) => meetings.filter((m) => m.title === title)[nth]?.id;
    await page.goto(`${baseUrl}/meetings/${idOf("Product weekly")}`);
    await page.getByRole("heading", { name: "Recap" }).waitFor();
    await page.getByText(/Worth it: 4\.0 of 5 on average/).waitFor();
    await checkPage(page, "meetings-demo-3-completed");

    await page.getByRole("link", { name: "Next →" }).click();
    await page.getByText("Meeting 2 of 8 (weekly)").waitFor();
    await page.getByText("carried over from the last meeting").first().waitFor();
    await page.getByText("following async").waitFor();
    await checkPage(page, "meetings-demo-4-next");

    await page.goto(`${baseUrl}/meetings/${idOf("Marcus / Olivia")}`);
    await expect
      .poll(() => page.getByRole("textbox", { name: "Private notes" }).inputValue())
      .toBe("Ask about the conference budget for the spring.");
    await checkPage(page, "meetings-demo-5-one-to-one");

    await page.goto(`${baseUrl}/meetings/${idOf("Quarterly planning")}`);
    await page.getByText(/Quarterly planning needs one long session/).waitFor();
    await checkPage(page, "meetings-demo-6-override");
    expect(errors).toEqual([]);
  }, 180_000);
});
