import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, setUpThroughApi } from "./support/api";
import { type E2E, startE2E } from "./support/browser";
import { ALL_DAY, checkPage, navigate, navigationsOf, PRIYA } from "./support/flows";

const priya = PRIYA;
const TITLE = "Onboarding handbook";
// "quokka" is the word searched for: in the document's text and in the decision, nowhere else.
const FIRST = "How we welcome new starters. Each newcomer gets a quokka buddy from another team.";
const WEEK_ONE = "Week one: laptops, accounts and lunch with the buddy.";
const WEEK_TWO = "Week two: a first small project, shipped by Friday.";
const MEETING = "Onboarding review";
const DECISION = "Keep the quokka buddy for every new starter";

/** The document page's header line: "Owner: … · version N · edited …". */
const versionLine = (page: Page, version: number) =>
  page.getByText(new RegExp(`^Owner: ${priya.name} \\(you\\) · version ${version} ·`));

/** Opens the document in edit mode and answers its body field. */
async function openEditor(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  const form = page.getByRole("form", { name: "Edit the document" });
  return { form, body: form.getByRole("textbox", { name: "Text (markdown)" }) };
}

/**
 * Issue 13 in a browser: a document written on its page, edited in two tabs at once (the second tab's
 * save meets the first's and gets the merge view, losing nothing), its history and diff; chosen as a
 * meeting's pre-read in the composer and shown under "Used in"; found with a decision through the top
 * bar's search box.
 */
describe("documents in a browser", () => {
  let e2e: E2E;
  const errors: string[] = [];
  beforeAll(async () => {
    e2e = await startE2E();
    const { page, baseUrl } = e2e;
    await setUpThroughApi(page.request, baseUrl, priya);
    const { person } = await apiCall<{ person: { id: string } }>(page.request, baseUrl, "GET", "/me");
    // Working all day, so the meeting below never falls outside her hours whatever the hour of the run.
    await apiCall(page.request, baseUrl, "PUT", `/people/${person.id}/working-pattern`, { week: ALL_DAY });
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (e) => errors.push(String(e)));
  }, 60_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it("writes a document, merges two tabs' edits, links it as a pre-read and finds it with a decision", async () => {
    const { page, context, baseUrl } = e2e;

    // Docs from the navigation: empty at first, then "New document".
    await page.goto(baseUrl);
    await page.getByRole("heading", { name: /^Welcome, /, level: 1 }).waitFor();
    await navigate(page, "Docs");
    await page.getByText("No documents yet. Write the first one").waitFor();
    await page.getByRole("main").getByRole("link", { name: "New document" }).first().click();
    await page.getByRole("heading", { name: "New document", level: 1 }).waitFor();
    const create = page.getByRole("form", { name: "New document" });
    await create.getByRole("textbox", { name: "Title" }).fill(TITLE);
    await create.getByRole("textbox", { name: "Text (markdown)" }).fill(FIRST);
    await page.getByRole("region", { name: "Preview of the document" }).getByText("quokka buddy").waitFor();
    await create.getByRole("radio", { name: "Whole organisation" }).check();
    const tags = create.getByRole("combobox", { name: "Tags" });
    await tags.fill("handbook");
    await tags.press("Enter");
    await create.getByRole("button", { name: "Create document" }).click();
    await page.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
    const docPath = new URL(page.url()).pathname;
    expect(docPath).toMatch(/^\/docs\/[0-9a-f-]{36}$/);
    await versionLine(page, 1).waitFor();
    await page.getByRole("article", { name: "The document" }).getByText(FIRST).waitFor();
    await page.getByRole("link", { name: "Documents tagged handbook" }).waitFor();
    await page.getByText("Shared with Everyone", { exact: true }).first().waitFor();
    await checkPage(page, "documents-1-document");

    // The list has it, with its tag and version.
    await navigate(page, "Docs");
    const item = page
      .getByRole("list", { name: "Documents" })
      .getByRole("listitem")
      .filter({ hasText: TITLE });
    await expect(item.textContent()).resolves.toMatch(/handbook/);
    await expect(item.textContent()).resolves.toMatch(/version 1/);
    await checkPage(page, "documents-2-list");

    // Two tabs edit version 1 at once.
    const tab2 = await context.newPage();
    tab2.setDefaultTimeout(15_000);
    tab2.on("pageerror", (e) => errors.push(String(e)));
    const one = await openEditor(page, `${baseUrl}${docPath}`);
    const two = await openEditor(tab2, `${baseUrl}${docPath}`);

    // Tab 1: the change is autosaved as a draft, then saved as version 2.
    await one.body.fill(`${FIRST}\n\n${WEEK_ONE}`);
    await one.form
      .getByRole("status")
      .filter({ hasText: /^Draft saved / })
      .waitFor();
    await one.form.getByRole("textbox", { name: "What changed?" }).fill("Week one");
    await one.form.getByRole("button", { name: "Save", exact: true }).click();
    await versionLine(page, 2).waitFor();
    await page.getByRole("article", { name: "The document" }).getByText(WEEK_ONE).waitFor();
    const tab1Reloads = navigationsOf(page);

    // Tab 2, still on version 1, saves another change: the merge view, with both texts and nothing lost.
    await two.body.fill(`${FIRST}\n\n${WEEK_TWO}`);
    await two.form.getByRole("button", { name: "Save", exact: true }).click();
    await tab2.getByRole("alert").filter({ hasText: "You saved version 2 while you were editing" }).waitFor();
    const theirs = tab2.getByRole("region", { name: /^Version 2, saved by you at / });
    await expect(theirs.textContent()).resolves.toContain(WEEK_ONE);
    const mine = two.form.getByRole("textbox", { name: "Your text (markdown)" });
    expect(await mine.inputValue()).toBe(`${FIRST}\n\n${WEEK_TWO}`);
    const differences = tab2.getByRole("region", { name: "Differences between their version and your text" });
    await differences
      .getByRole("region", { name: "Their version 2" })
      .getByText(/Week one/)
      .waitFor();
    await differences
      .getByRole("region", { name: "Your text" })
      .getByText(/Week two/)
      .waitFor();
    await checkPage(tab2, "documents-3-merge");

    // Mine keeps their week one too, and is saved as version 3.
    await mine.fill(`${FIRST}\n\n${WEEK_ONE}\n\n${WEEK_TWO}`);
    await two.form.getByRole("textbox", { name: "What changed?" }).fill("Week two, merged");
    await two.form.getByRole("button", { name: "Save my text as version 3" }).click();
    await versionLine(tab2, 3).waitFor();
    const merged = tab2.getByRole("article", { name: "The document" });
    await merged.getByText(WEEK_ONE).waitFor();
    await merged.getByText(WEEK_TWO).waitFor();
    // Tab 1 follows without a reload.
    await versionLine(page, 3).waitFor();
    await page.getByRole("article", { name: "The document" }).getByText(WEEK_TWO).waitFor();
    expect(tab1Reloads.count).toBe(0);
    await tab2.close();

    // History: three versions with their summaries, and the diff from 2 to 3, inline then side by side.
    await page.getByRole("link", { name: "History" }).click();
    await page.getByRole("heading", { name: `History of “${TITLE}”`, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`${docPath}/history`);
    const rows = page.getByRole("table", { name: "Versions" }).getByRole("row");
    await expect.poll(() => rows.count()).toBe(4);
    await expect(rows.nth(1).textContent()).resolves.toMatch(/^3 \(compared: to\).*Week two, merged/);
    await expect(rows.nth(2).textContent()).resolves.toMatch(/^2 \(compared: from\).*Week one/);
    await expect(rows.nth(3).textContent()).resolves.toMatch(/^1.*Created/);
    const changes = page.getByRole("region", { name: "Changes from version 2 to version 3" });
    await expect(changes.locator("ins").allTextContents()).resolves.toEqual([
      expect.stringContaining("Week two: a first small project, shipped by Friday."),
    ]);
    await expect(changes.locator("del").count()).resolves.toBe(0);
    await changes.getByText("Side by side", { exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("layout")).toBe("side");
    await changes
      .getByRole("region", { name: "Version 3" })
      .getByText(/Week two/)
      .waitFor();
    await expect(changes.getByRole("region", { name: "Version 2" }).textContent()).resolves.not.toContain(
      "Week two",
    );
    await checkPage(page, "documents-4-history");

    // A meeting with it as a pre-read, chosen in the composer by words of its title.
    const start = new Date(Date.now() + 3 * 86_400_000);
    start.setUTCHours(4, 30, 0, 0);
    await page.goto(`${baseUrl}/meetings/new?duration=30&start=${start.toISOString()}`);
    await page.getByRole("heading", { name: "New meeting", level: 1 }).waitFor();
    await page.getByRole("radio", { name: /^Discuss/ }).check();
    await page.getByRole("button", { name: "Ask the advisor" }).click();
    await page.getByRole("button", { name: /^(Meet anyway|Go on to the meeting's details)$/ }).click();
    const details = page.getByRole("form", { name: "Meeting details" });
    await details.getByRole("textbox", { name: "Title" }).fill(MEETING);
    const picker = details.getByRole("combobox", { name: "Pre-read documents", exact: true });
    await picker.click();
    await picker.fill("onboard");
    await page.getByRole("option", { name: TITLE }).click();
    await page.keyboard.press("Escape");
    await details.getByRole("button", { name: "Add an item" }).click();
    await details.getByRole("textbox", { name: "Item 1" }).fill("How the first weeks went");
    await details.getByRole("button", { name: "Create meeting" }).click();
    await page.getByRole("heading", { name: MEETING, level: 1 }).waitFor();
    const meetingPath = new URL(page.url()).pathname;
    const meetingId = meetingPath.split("/").at(-1) ?? "";
    const readFirst = page.getByText(/^Read first:/).getByRole("link", { name: TITLE });
    expect(await readFirst.getAttribute("href")).toBe(docPath);

    // The document says where it is used.
    await readFirst.click();
    await page.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
    const usedIn = page.getByRole("region", { name: "Used in" });
    expect(await usedIn.getByRole("link", { name: MEETING }).getAttribute("href")).toBe(meetingPath);

    // A decision recorded in the meeting, then `/` and the word in the top bar's box.
    await apiCall(page.request, baseUrl, "POST", `/meetings/${meetingId}/decisions`, { text: DECISION });
    await page.getByRole("article", { name: "The document" }).click();
    await page.keyboard.press("/");
    const box = page.getByRole("searchbox", { name: "Search", exact: true });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type("quokka");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Search", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/search");
    expect(new URL(page.url()).searchParams.get("q")).toBe("quokka");
    expect(await page.getByRole("searchbox", { name: "Search for" }).inputValue()).toBe("quokka");
    const results = page.getByRole("list", { name: "Results" }).getByRole("listitem");
    await page.getByRole("status").filter({ hasText: "2 results, best match first" }).waitFor();
    const docResult = results.filter({ has: page.getByRole("link", { name: TITLE }) });
    const decisionResult = results.filter({ has: page.getByRole("link", { name: DECISION }) });
    await expect(docResult.textContent()).resolves.toMatch(/^Document/);
    await expect(decisionResult.textContent()).resolves.toMatch(/^Decision/);
    await expect(docResult.locator("mark").allTextContents()).resolves.toContain("quokka");
    await expect(decisionResult.locator("mark").allTextContents()).resolves.toContain("quokka");
    expect(await docResult.getByRole("link", { name: TITLE }).getAttribute("href")).toBe(docPath);
    expect(await decisionResult.getByRole("link", { name: MEETING }).getAttribute("href")).toBe(meetingPath);
    await checkPage(page, "documents-5-search");

    // The filter by type keeps the decision only; its link opens the meeting, which shows it.
    await page
      .getByRole("group", { name: "Filter the results" })
      .getByText("Decisions", { exact: true })
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get("type")).toBe("decision");
    await page.getByRole("status").filter({ hasText: "1 result, best match first" }).waitFor();
    await decisionResult.getByRole("link", { name: DECISION }).click();
    await page.getByRole("heading", { name: MEETING, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(meetingPath);
    await page.getByText(DECISION).first().waitFor();

    // Back on the results (the filter kept in the address), all types again; the document's link opens it.
    await page.goBack();
    await page.getByRole("heading", { name: "Search", level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get("type")).toBe("decision");
    await page.getByRole("group", { name: "Filter the results" }).getByText("All", { exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("type")).toBeNull();
    await page.getByRole("status").filter({ hasText: "2 results, best match first" }).waitFor();
    await docResult.getByRole("link", { name: TITLE }).click();
    await page.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(docPath);
    await versionLine(page, 3).waitFor();
    expect(errors).toEqual([]);
  }, 180_000);
});
