import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, setUpThroughApi } from "./support/api";
import { type Browsing, type E2E, startE2E } from "./support/browser";
import { ALL_DAY, checkPage, joinAs, KENJI, navigate, navigationsOf, PRIYA } from "./support/flows";

const priya = PRIYA;
// Kenji works around the clock here, so his reply-by and notifications never depend on the hour of the run.
const kenji = KENJI;
const TITLE = "Move the launch to March";
const DECISION = "Launch on 3 March with the smaller plan";

/** Opens the app's home and waits until its live event stream is open. */
async function openLive(page: Page, baseUrl: string) {
  const streamOpened = page.waitForResponse((r) => r.url().endsWith("/api/v1/events") && r.ok());
  await page.goto(baseUrl);
  await page.getByRole("heading", { name: /^Welcome, /, level: 1 }).waitFor();
  await streamOpened;
}

/** Picks `name` in a Mantine multi-select, then closes its list. */
async function pick(page: Page, label: string, name: string) {
  await page.getByRole("combobox", { name: label, exact: true }).click();
  await page.getByRole("option", { name, exact: true }).click();
  await page.keyboard.press("Escape");
}

/**
 * Issue 12 in two browsers: a proposal with a required responder, answered and commented on in the
 * responder's browser, seen live by the author, decided, and found in the decision log; and a
 * stalled thread escalated to a meeting.
 */
describe("updates in a browser", () => {
  let e2e: E2E;
  let k: Browsing;
  let kenjiId = "";
  const errors: string[] = [];
  beforeAll(async () => {
    e2e = await startE2E();
    const { page, baseUrl } = e2e;
    await setUpThroughApi(page.request, baseUrl, priya);
    ({ id: kenjiId, browsing: k } = await joinAs(e2e, kenji));
    await apiCall(page.request, baseUrl, "PUT", `/people/${kenjiId}/working-pattern`, { week: ALL_DAY });
    for (const p of [page, k.page]) {
      p.setDefaultTimeout(15_000);
      p.on("pageerror", (e) => errors.push(String(e)));
    }
  }, 60_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it("posts a proposal, which the responder answers in his browser, the author sees live, decides and finds in the log", async () => {
    const { page, baseUrl } = e2e;
    await openLive(page, baseUrl);
    await navigate(page, "Feed", "Updates");
    await page.getByRole("link", { name: "New update" }).first().click();
    await page.getByRole("heading", { name: "New update", level: 1 }).waitFor();

    // The composer: a proposal to Kenji, who must answer, mentioned through the autocomplete.
    const form = page.getByRole("form", { name: "New update" });
    await form.getByRole("combobox", { name: "Kind", exact: true }).click();
    await page.getByRole("option", { name: "Proposal", exact: true }).click();
    await form.getByRole("textbox", { name: "Title" }).fill(TITLE);
    const body = form.getByRole("textbox", { name: "Body" });
    await body.click();
    await body.pressSequentially("Three weeks more for the pricing work. @Ken");
    await page
      .getByRole("listbox", { name: "People to mention" })
      .getByRole("option", { name: kenji.name })
      .click();
    await body.pressSequentially("what do you think?");
    await expect
      .poll(() => body.inputValue())
      .toBe(`Three weeks more for the pricing work. @${kenji.name} what do you think?`);
    await form.getByRole("radio", { name: "Named people" }).check();
    await pick(page, "People", kenji.name);
    await pick(page, "Required responders", kenji.name);
    // Kenji's reply-by in Priya's zone and, since London's clock differs, in his own.
    const replyBy = page.getByRole("region", { name: "Reply-by of each responder" });
    await expect
      .poll(() => replyBy.textContent())
      .toMatch(new RegExp(`${kenji.name} · reply by .+ your time · .+ their time`));
    await checkPage(page, "updates-1-composer");
    await form.getByRole("button", { name: "Post update" }).click();
    await page.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
    const threadPath = new URL(page.url()).pathname;
    expect(threadPath).toMatch(/^\/updates\/[0-9a-f-]{36}$/);
    await page.getByRole("article", { name: "The update" }).getByText(`@${kenji.name}`).waitFor();
    await checkPage(page, "updates-2-thread");
    const priyaReloads = navigationsOf(page);

    // Kenji, in his own browser: it waits for his reply on Home, and is new in his feed.
    await openLive(k.page, baseUrl);
    const needsReply = k.page.getByRole("region", { name: "Needs my reply" });
    await needsReply.getByRole("link", { name: TITLE }).waitFor();
    await expect(needsReply.textContent()).resolves.toContain("Reply by");
    await navigate(k.page, "Feed", "Updates");
    const item = k.page
      .getByRole("list", { name: "Updates" })
      .getByRole("listitem")
      .filter({ hasText: TITLE });
    await item.getByText(/^New/).waitFor();
    await item.getByRole("link", { name: TITLE }).click();
    await k.page.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
    const kenjiReloads = navigationsOf(k.page);

    // He disagrees with a reason, and comments.
    const answers = k.page.getByRole("region", { name: "Answers" });
    await answers.getByRole("textbox", { name: "Reason (optional)" }).fill("The beta users need it sooner.");
    await answers.getByRole("button", { name: "Disagree", exact: true }).click();
    await expect
      .poll(() => answers.getByRole("button", { name: "Disagree", exact: true }).getAttribute("aria-pressed"))
      .toBe("true");
    const comments = k.page.getByRole("form", { name: "Write a comment" });
    await comments
      .getByRole("textbox", { name: "Comment", exact: true })
      .fill("Could we ship a smaller plan first?");
    await comments.getByRole("button", { name: "Post comment" }).click();
    await k.page.getByRole("article", { name: `Comment by ${kenji.name}` }).waitFor();
    await checkPage(k.page, "updates-3-answered");

    // Priya's page follows without a reload: the tally, his reason and comment, and that he opened it.
    const priyaAnswers = page.getByRole("region", { name: "Answers" });
    await expect.poll(() => priyaAnswers.textContent()).toContain("0 agree · 1 disagree · 0 abstain");
    await priyaAnswers
      .getByRole("list", { name: "Answers given" })
      .getByText("The beta users need it sooner.")
      .waitFor();
    await page
      .getByRole("article", { name: `Comment by ${kenji.name}` })
      .getByText("Could we ship a smaller plan first?")
      .waitFor();
    await page.getByRole("region", { name: "Acknowledged" }).getByText(`Seen by ${kenji.name}`).waitFor();
    await expect
      .poll(() => page.getByRole("list", { name: "Required responders" }).textContent())
      .toContain("answered");

    // He changes his mind; Priya sees the new tally.
    await answers.getByRole("button", { name: "Agree", exact: true }).click();
    await expect.poll(() => priyaAnswers.textContent()).toContain("1 agree · 0 disagree · 0 abstain");
    expect(priyaReloads.count).toBe(0);

    // Priya records the decision: the thread closes, and Kenji's page shows it live.
    const decide = page.getByRole("form", { name: "Record the decision" });
    await decide.getByRole("textbox", { name: "Decision" }).fill(DECISION);
    await decide.getByRole("button", { name: "Record decision" }).click();
    const decision = page.getByRole("region", { name: "Decision", exact: true });
    await decision.getByText(DECISION).waitFor();
    await decision.getByText(/The thread is closed/).waitFor();
    await page.getByText("Closed", { exact: true }).waitFor();
    await expect.poll(() => decide.count()).toBe(0);
    await k.page.getByRole("region", { name: "Decision", exact: true }).getByText(DECISION).waitFor();
    await expect.poll(() => k.page.getByRole("group", { name: "Your answer" }).count()).toBe(0);
    expect(kenjiReloads.count).toBe(0);
    expect(priyaReloads.count).toBe(0);
    await checkPage(page, "updates-4-decided");

    // The decision log finds it by its words, with a link back to the thread.
    await navigate(page, "Decision log");
    // The page's own box, not the top bar's.
    const logSearch = page.getByRole("main").getByRole("searchbox", { name: "Search" });
    await logSearch.fill("smaller plan");
    const found = page
      .getByRole("list", { name: "Decisions" })
      .getByRole("listitem")
      .filter({ hasText: DECISION });
    await found.waitFor();
    await expect(found.getByText("in the thread").count()).resolves.toBe(1);
    const source = found.getByRole("link", { name: TITLE });
    expect(await source.getAttribute("href")).toBe(threadPath);
    await logSearch.fill("nothing like this was decided");
    await page.getByText("No decision matches").waitFor();
    await logSearch.fill("smaller plan");
    await found.waitFor();
    await checkPage(page, "updates-5-log");
    await source.click();
    await page.getByRole("heading", { name: TITLE, level: 1 }).waitFor();

    await navigate(page, "Feed", "Updates");
    const mine = page.getByRole("list", { name: "Updates" }).getByRole("listitem").filter({ hasText: TITLE });
    await mine.getByText("Closed", { exact: true }).waitFor();
    await checkPage(page, "updates-6-feed");
    expect(errors).toEqual([]);
  }, 120_000);

  it("offers a stalled thread's meeting, which one click schedules", async () => {
    const { page, baseUrl } = e2e;
    const { update } = await apiCall<{ update: { id: string } }>(page.request, baseUrl, "POST", "/updates", {
      kind: "question",
      title: "Which region hosts the new database?",
      body: "Frankfurt or Dublin?",
      audience: { personIds: [kenjiId] },
    });
    // 13 comments back and forth between the same two people: one more than the agreement's 12.
    for (let i = 0; i < 13; i += 1) {
      const request = i % 2 === 0 ? page.request : k.page.request;
      await apiCall(request, baseUrl, "POST", `/updates/${update.id}/comments`, { body: `Round ${i + 1}` });
    }
    await page.goto(`${baseUrl}/updates/${update.id}`);
    const banner = page.getByRole("region", { name: "This thread is stalled" });
    await banner.getByText(/13 comments have gone back and forth/).waitFor();
    await checkPage(page, "updates-7-stalled");
    await banner.getByRole("button", { name: "Schedule it" }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await page
      .getByRole("heading", { name: "Decide: Which region hosts the new database?", level: 1 })
      .waitFor();
    expect(errors).toEqual([]);
  }, 60_000);
});
