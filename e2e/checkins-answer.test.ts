import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverCheckinsJob } from "../src/server/modules/checkins/delivery.jobs";
import { apiCall, setUpThroughApi } from "./support/api";
import { type Browsing, type E2E, startE2E } from "./support/browser";
import { ALL_DAY, checkPage, joinAs, KENJI, navigate, PRIYA } from "./support/flows";

const priya = PRIYA;
// Kenji works around the clock in London, so a check-in at his midnight reaches him whatever the hour of the run.
const kenji = KENJI;
const RITUAL = "Daily standup";

/** Picks `name` in a Mantine multi-select, then closes its list. */
async function pick(page: Page, label: string, name: string) {
  await page.getByRole("combobox", { name: label, exact: true }).click();
  await page.getByRole("option", { name, exact: true }).click();
  await page.keyboard.press("Escape");
}

/** The accessible name of the focused element (its label, or its text). */
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    const byId = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return byId ?? el.getAttribute("aria-label") ?? el.textContent ?? "";
  });

/**
 * Issue 15, the builder and the answer form: Priya (Kolkata, the owner) builds a daily standup from its
 * template for Kenji (London), the preview showing when he receives it on his clock and on hers; the
 * delivery job hands him his occurrence; he answers with the keyboard alone, reloads halfway (the
 * draft comes back), and sends.
 */
describe("check-ins: the builder and the answer form in a browser", () => {
  let e2e: E2E;
  let k: Browsing;
  let kenjiId = "";
  let priyaId = "";
  const errors: string[] = [];
  beforeAll(async () => {
    e2e = await startE2E();
    const { page, baseUrl } = e2e;
    await setUpThroughApi(page.request, baseUrl, priya);
    priyaId = (await apiCall<{ person: { id: string } }>(page.request, baseUrl, "GET", "/me")).person.id;
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

  it("builds a daily standup from the template, with each person's local time in the preview", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(baseUrl);
    await navigate(page, "Check-ins");
    await page.getByRole("link", { name: "New check-in" }).first().click();
    await page.getByRole("heading", { name: "New check-in", level: 1 }).waitFor();

    await page.getByRole("button", { name: `Use the ${RITUAL} template` }).click();
    const form = page.getByRole("form", { name: "New check-in" });
    await expect.poll(() => form.getByRole("textbox", { name: "Name" }).inputValue()).toBe(RITUAL);
    await expect.poll(() => form.getByRole("group", { name: /^Question \d+$/ }).count()).toBe(4);
    await form.getByText("Answers are private: only aggregates for groups of 5 or more are shown.").waitFor();

    // Kenji takes part, every day at midnight on his own clock, so today's occurrence is open now.
    await pick(page, "People", kenji.name);
    for (const day of ["Saturday", "Sunday"]) {
      const chip = form.getByRole("checkbox", { name: day });
      await chip.focus();
      await page.keyboard.press("Space");
      await expect.poll(() => chip.isChecked()).toBe(true);
    }
    await form.getByLabel("Local time").fill("00:00");

    const preview = page.getByRole("table", { name: "When each person receives it" });
    const row = preview.getByRole("row").filter({ hasText: kenji.name });
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toMatch(/Europe\/London/);
    // 00:00 in London is 04:30 or 05:30 in Kolkata (summer or winter time in London).
    await expect.poll(() => row.textContent()).toMatch(/00:00 their time.*0[45]:30 yours/);
    await checkPage(page, "checkins-answer-1-builder");

    await form.getByRole("button", { name: "Create check-in" }).click();
    await page.waitForURL(/\/checkins\/[0-9a-f-]{36}$/);
    const { checkins } = await apiCall<{
      checkins: { name: string; schedule: { days: string[]; localTime: string } }[];
    }>(page.request, baseUrl, "GET", "/checkins");
    expect(checkins).toEqual([
      expect.objectContaining({
        name: RITUAL,
        schedule: { days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], localTime: "00:00" },
      }),
    ]);

    // The builder again: the mood question moved up with the keyboard keeps its id; pausing is one click.
    await page.goto(`${page.url()}/edit`);
    await page.getByRole("heading", { name: "Edit check-in", level: 1 }).waitFor();
    const edit = page.getByRole("form", { name: "Edit check-in" });
    await edit.getByRole("button", { name: "Move question 4 up" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => focusedLabel(page)).toBe("Move question 3 up");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(/\/checkins\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split("/").at(-1);
    const before = checkins[0] as unknown as { questions: { id: string; type: string }[] };
    const { checkin } = await apiCall<{ checkin: { questions: { id: string; type: string }[] } }>(
      page.request,
      baseUrl,
      "GET",
      `/checkins/${id}`,
    );
    expect(checkin.questions.map((q) => q.type)).toEqual(["text", "text", "pulse", "blocker"]);
    expect(new Set(checkin.questions.map((q) => q.id))).toEqual(new Set(before.questions.map((q) => q.id)));
  }, 120_000);

  it("lets the participant answer with the keyboard, keeps the draft over a reload, and sends", async () => {
    const { baseUrl, runtime } = e2e;
    // The delivery sweep, as the worker runs it every minute: Kenji's occurrence for his today.
    await deliverCheckinsJob.handle(runtime.deps, {});
    const page = k.page;
    await page.goto(baseUrl);
    const due = page.getByRole("region", { name: "Check-ins due" });
    await due.getByRole("link", { name: `Answer ${RITUAL}` }).click();
    await page.getByRole("heading", { name: RITUAL, level: 1 }).waitFor();
    await page.getByText(/due .+ \(in your zone, Europe\/London\)/).waitFor();
    const answerPath = new URL(page.url()).pathname;
    expect(answerPath).toMatch(/^\/checkins\/answer\/[0-9a-f-]{36}$/);

    // The first question has the focus; Enter moves from one answer to the next.
    await expect.poll(() => focusedLabel(page)).toMatch(/^1\. What did you get done/);
    await page.keyboard.type("Shipped the pricing page");
    await page.keyboard.press("Enter");
    await expect.poll(() => focusedLabel(page)).toMatch(/^2\. What will you do today/);
    await page.keyboard.type("Write the tests");
    await page.keyboard.press("Enter");
    // The mood (moved up in the builder), a 1–5 group: a number key chooses, the arrows move.
    const mood = page.getByRole("radiogroup", { name: /How are you feeling/ });
    await expect.poll(() => focusedLabel(page)).toBe("1: Rough");
    await page.keyboard.press("4");
    await expect
      .poll(() => mood.getByRole("radio", { checked: true }).getAttribute("aria-label"))
      .toBe("4: Good");
    await page.keyboard.press("ArrowLeft");
    await expect
      .poll(() => mood.getByRole("radio", { checked: true }).getAttribute("aria-label"))
      .toBe("3: Okay");
    await page.keyboard.press("Enter");
    await expect.poll(() => focusedLabel(page)).toMatch(/^4\. Anything blocking you/);
    await page.keyboard.type("Waiting for the staging keys");
    await page.keyboard.press("Enter");
    // "Who can unblock you?": typed, chosen with the arrow and Enter; then "Urgent: tell them now".
    await expect.poll(() => focusedLabel(page)).toMatch(/Who can unblock you/);
    // Enter with no person chosen stays in the picker: it must not send the form (the steps below
    // would then find the answers sent and the page gone).
    await page.keyboard.press("Enter");
    await page.keyboard.type("Priya");
    await page.getByRole("option", { name: priya.name }).waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect.poll(() => focusedLabel(page)).toBe("Urgent: tell them now");
    await page.keyboard.press("Space");
    await page.getByText("Your answer is private: only you see it.", { exact: false }).waitFor();

    // What was typed is kept in the browser: a reload brings it back.
    await expect
      .poll(() => page.evaluate(() => Object.values({ ...localStorage }).join(" ")))
      .toContain("Waiting for the staging keys");
    await page.reload();
    await page.getByRole("heading", { name: RITUAL, level: 1 }).waitFor();
    await page.getByText("Draft restored").waitFor();
    const answers = page.getByRole("form", { name: "Answers" });
    expect(await answers.getByRole("textbox", { name: /^1\. / }).inputValue()).toBe(
      "Shipped the pricing page",
    );
    expect(await answers.getByRole("textbox", { name: /^4\. / }).inputValue()).toBe(
      "Waiting for the staging keys",
    );
    expect(await answers.getByRole("checkbox", { name: "Urgent: tell them now" }).isChecked()).toBe(true);
    expect(await answers.getByRole("combobox", { name: "Who can unblock you?" }).inputValue()).toBe(
      priya.name,
    );
    expect(await mood.getByRole("radio", { checked: true }).getAttribute("aria-label")).toBe("3: Okay");
    await checkPage(page, "checkins-answer-2-form");

    // Ctrl+Enter sends; the list then offers to change the answers until the window closes.
    await answers.getByRole("textbox", { name: /^2\. / }).focus();
    await page.keyboard.press("Control+Enter");
    await page.getByRole("heading", { name: "Check-ins", level: 1 }).waitFor();
    await page.getByRole("link", { name: `Change answers to ${RITUAL}` }).waitFor();
    const occurrenceId = answerPath.split("/").at(-1);
    const { occurrence } = await apiCall<{
      occurrence: {
        answeredAt: string | null;
        answers: { text: string | null; value: unknown; unblockerId: string | null }[];
      };
    }>(page.request, baseUrl, "GET", `/checkin-occurrences/${occurrenceId}`);
    expect(occurrence.answeredAt).not.toBeNull();
    expect(occurrence.answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ text: "Shipped the pricing page" }),
        expect.objectContaining({ text: "Write the tests" }),
        expect.objectContaining({ text: "Waiting for the staging keys", unblockerId: priyaId }),
        expect.objectContaining({ value: 3 }),
      ]),
    );
    // Sent: nothing is kept in the browser any more.
    expect(await page.evaluate(() => Object.values({ ...localStorage }).join(" "))).not.toContain(
      "staging keys",
    );
    await checkPage(page, "checkins-answer-3-list");

    // Two days on (the server's clock), the window has closed: the server's sentence says so.
    const realClock = runtime.deps.clock;
    runtime.deps.clock = { now: () => new Date(Date.now() + 2 * 86_400_000) };
    try {
      await page.goto(`${baseUrl}${answerPath}`);
      await page.getByRole("heading", { name: RITUAL, level: 1 }).waitFor();
      await page.getByRole("button", { name: "Send changes" }).click();
      await page
        .getByRole("alert")
        .filter({ hasText: /closed/ })
        .waitFor();
    } finally {
      runtime.deps.clock = realClock;
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
