import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, setUpThroughApi } from "./support/api";
import { type E2E, screenshot, seriousViolations, startE2E } from "./support/browser";
import { joinAs, KENJI, PRIYA } from "./support/flows";

const owner = PRIYA;

/**
 * Issue 11, the organiser's way in: Find a time → "Create meeting" → the advisor's question first →
 * details → the agreement blocks a 90-minute meeting → a reason overrides it → the meeting's page; the
 * week's list shows it with its cost; an action item on Home is ticked off.
 */
describe("new meeting from a suggested time, past the agreement, to the list and Home", () => {
  let e2e: E2E;
  let priyaId = "";
  beforeAll(async () => {
    e2e = await startE2E();
    const { page, baseUrl } = e2e;
    await setUpThroughApi(page.request, baseUrl, owner);
    priyaId = (await apiCall<{ person: { id: string } }>(page.request, baseUrl, "GET", "/me")).person.id;
    await joinAs(e2e, KENJI);
  }, 60_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it("creates the meeting through the advisor and an override, then lists it", async () => {
    const { page, baseUrl } = e2e;
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));

    // Find a time: 90 minutes with Kenji; the best slot's "Create meeting" carries it over.
    await page.goto(`${baseUrl}/meetings/find-a-time?duration=90`);
    await page.getByRole("heading", { name: "Find a time", level: 1 }).waitFor();
    await page.getByRole("combobox", { name: "Required people", exact: true }).click();
    await page.getByRole("option", { name: "Kenji Sato" }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Find times" }).click();
    const create = page.getByRole("link", { name: /^Create a meeting at / }).first();
    await create.waitFor();
    await create.click();
    await page.getByRole("heading", { name: "New meeting", level: 1 }).waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get("duration")).toBe("90");
    expect(url.searchParams.get("attendees")?.split(",")).toContain(priyaId);

    // The advisor's question comes first.
    await page.getByRole("radio", { name: /^Decide/ }).check();
    await page.getByRole("button", { name: "Ask the advisor" }).click();
    await page.locator("#advice-heading").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: /^(Meet anyway|Go on to the meeting's details)$/ }).click();

    const details = page.getByRole("form", { name: "Meeting details" });
    await details.getByRole("textbox", { name: "Title" }).fill("Pricing decision");
    expect(await details.getByRole("textbox", { name: "Length (minutes)" }).inputValue()).toBe("90");
    await expect(page.getByLabel("Each attendee's local time at the start").textContent()).resolves.toContain(
      "Kenji Sato",
    );
    await details.getByRole("button", { name: "Add an item" }).click();
    await details.getByRole("textbox", { name: "Item 1" }).fill("Options and the choice");
    await details.getByRole("button", { name: "Create meeting" }).click();

    // 90 minutes breaks the agreement's 60: said in a sentence, with a reason field to go ahead.
    const conflict = page.getByRole("alert").filter({ hasText: "goes against the working agreement" });
    await conflict.getByText(/90 minutes/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "meetings-new-conflict");
    await conflict.getByLabel("Why this meeting cannot follow the agreement").fill("too short");
    await conflict.getByRole("button", { name: "Create it anyway, with this reason" }).click();
    await conflict.getByText("Say why in at least 10 characters").waitFor();
    await conflict
      .getByLabel("Why this meeting cannot follow the agreement")
      .fill("The client can only do this one long slot");
    await conflict.getByRole("button", { name: "Create it anyway, with this reason" }).click();
    await page.getByRole("heading", { name: "Pricing decision", level: 1 }).waitFor();
    const meetingId = new URL(page.url()).pathname.split("/").at(-1) ?? "";

    // The week's list (this week or the next, wherever the slot fell) shows it with its cost.
    await page.goto(`${baseUrl}/meetings`);
    await page.getByRole("heading", { name: "Meetings", level: 1 }).waitFor();
    const card = page.getByTestId("meeting").filter({ hasText: "Pricing decision" });
    if (!(await card.isVisible().catch(() => false))) {
      await page.getByRole("button", { name: "Next week" }).click();
    }
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain("3 person-hours");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "meetings-list");

    // An action item given to Priya shows on Home until she ticks it.
    await apiCall(page.request, baseUrl, "POST", `/meetings/${meetingId}/action-items`, {
      text: "Send the price sheet",
      ownerId: priyaId,
    });
    await page.goto(baseUrl);
    const items = page.getByRole("region", { name: "My action items" });
    await items.getByText("Send the price sheet").waitFor();
    expect(await items.getByRole("link", { name: "Pricing decision" }).getAttribute("href")).toBe(
      `/meetings/${meetingId}`,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await items.getByRole("checkbox", { name: "Mark done: Send the price sheet" }).check();
    await items.getByText(/Nothing open/).waitFor();
    expect(errors).toEqual([]);
  }, 120_000);
});
