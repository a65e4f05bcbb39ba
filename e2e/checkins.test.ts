import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverCheckinsJob } from "../src/server/modules/checkins/delivery.jobs";
import { postCheckinDigestsJob } from "../src/server/modules/checkins/digest.jobs";
import { systemClock } from "../src/server/platform/clock";
import { apiCall, setUpThroughApi } from "./support/api";
import { type Browsing, type E2E, startE2E } from "./support/browser";
import { ALL_DAY, checkPage, type Joiner, joinAs, KENJI, PRIYA } from "./support/flows";

const priya = PRIYA;
const kenji = KENJI;
// The third person, whom Kenji names to unblock him; she takes part but does not answer.
const ANA: Joiner = {
  name: "Ana Lima",
  email: "ana@example.test",
  password: "ana's long password",
  timeZone: "Europe/Berlin",
};
const BLOCKER = "Waiting for the staging database credentials";
const BLOCKER_PLACEHOLDER = "Nothing, or what is in your way";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The next Wednesday at least a day ahead, 11:00 UTC: past 09:30 in Kolkata, London and Berlin alike,
 * so the standup has reached all three, and in the future, so the browsers see its window open.
 */
function aWednesday(): { at: number; localDate: string } {
  let day = new Date(Date.now() + DAY);
  while (day.getUTCDay() !== 3) day = new Date(day.getTime() + DAY);
  const at = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 11, 0);
  return { at, localDate: new Date(at).toISOString().slice(0, 10) };
}

/**
 * Answers the open standup from Home as `who`: every text question, and the blocker naming
 * `blocker.unblocker` when given (left empty otherwise: nothing in the way).
 */
async function answerFromHome(
  page: Page,
  baseUrl: string,
  ritual: string,
  who: string,
  blocker?: { text: string; unblocker: string },
  pulse?: number,
) {
  await page.goto(baseUrl);
  await page.getByRole("heading", { name: /^Welcome, /, level: 1 }).waitFor();
  await page.getByRole("link", { name: `Answer ${ritual}` }).click();
  await page.getByRole("heading", { name: ritual, level: 1 }).waitFor();
  const form = page.getByRole("form", { name: "Answers" });
  const texts = await form.locator(`textarea:not([placeholder="${BLOCKER_PLACEHOLDER}"])`).all();
  for (const [i, box] of texts.entries()) await box.fill(`${who}, answer ${i + 1}`);
  if (blocker) {
    await form.getByPlaceholder(BLOCKER_PLACEHOLDER).fill(blocker.text);
    await form.getByRole("combobox").first().click();
    await page.getByRole("option", { name: blocker.unblocker, exact: true }).click();
  }
  // A pulse (or scale) answer: the card of that number in every 1–5 row.
  if (pulse)
    for (const card of await form.getByRole("radio", { name: new RegExp(`^${pulse}\\b`) }).all())
      await card.click();
  const sent = page.waitForResponse((r) => r.url().includes("/answers") && r.request().method() === "POST");
  await form.getByRole("button", { name: "Send answers" }).click();
  expect((await sent).status()).toBe(201);
}

/**
 * Issue 15's "Done when", in three browsers: a daily standup made from the template in the builder,
 * answered by two people (one blocked, naming a third), the third sees the blocker on Home, and once
 * every window has closed the digest appears — on the ritual's page and as an update in the feed.
 * Time is the server's injectable clock; the jobs' handlers run directly, as the workers would.
 */
describe("check-ins in a browser", () => {
  let e2e: E2E;
  let k: Browsing;
  let a: Browsing;
  let checkinId = "";
  let ritual = "";
  const wednesday = aWednesday();
  const errors: string[] = [];
  const runJobs = async (at: number) => {
    e2e.runtime.deps.clock = { now: () => new Date(at) };
    await deliverCheckinsJob.handle(e2e.runtime.deps, {});
    await postCheckinDigestsJob.handle(e2e.runtime.deps, {});
  };

  beforeAll(async () => {
    e2e = await startE2E();
    const { page, baseUrl } = e2e;
    await setUpThroughApi(page.request, baseUrl, priya);
    const me = await apiCall<{ person: { id: string } }>(page.request, baseUrl, "GET", "/me");
    const joined = [await joinAs(e2e, kenji), await joinAs(e2e, ANA)];
    [k, a] = joined.map((j) => j.browsing) as [Browsing, Browsing];
    const [kenjiId, anaId] = joined.map((j) => j.id);
    // Everyone works every hour of every day: delivery never skips anyone for the hour of the run.
    for (const id of [me.person.id, kenjiId, anaId])
      await apiCall(page.request, baseUrl, "PUT", `/people/${id}/working-pattern`, { week: ALL_DAY });
    const { team } = await apiCall<{ team: { id: string } }>(page.request, baseUrl, "POST", "/teams", {
      name: "Platform",
    });
    await apiCall(page.request, baseUrl, "PUT", `/teams/${team.id}/members`, {
      members: [
        { personId: me.person.id, role: "lead" },
        { personId: kenjiId, role: "member" },
        { personId: anaId, role: "member" },
      ],
    });
    for (const p of [page, k.page, a.page]) {
      p.setDefaultTimeout(15_000);
      p.on("pageerror", (e) => errors.push(String(e)));
    }
  }, 90_000);
  afterAll(async () => {
    if (e2e) e2e.runtime.deps.clock = systemClock;
    await e2e?.close();
  });

  it("creates a daily standup from the template in the builder", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/checkins/new`);
    await page.getByRole("heading", { name: "New check-in", level: 1 }).waitFor();
    await page.getByRole("button", { name: /^Use the daily standup template$/i }).click();
    const form = page.getByRole("form", { name: "New check-in" });
    ritual = await form.getByRole("textbox", { name: "Name" }).inputValue();
    expect(ritual).not.toBe("");
    await form.getByRole("combobox", { name: "Team", exact: true }).click();
    await page.getByRole("option", { name: "Platform", exact: true }).click();
    // A day-long window, so every zone's answers are in well before it closes, whatever the template says.
    await form.getByRole("textbox", { name: "Window (hours)" }).fill("24");
    await checkPage(page, "checkins-1-builder");
    await form.getByRole("button", { name: "Create check-in" }).click();
    await page.getByRole("heading", { name: ritual, level: 1 }).waitFor();
    checkinId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    expect(checkinId).toMatch(/^[0-9a-f-]{36}$/);
    // The schedule in words and who takes part, on the ritual's page.
    await page
      .getByText(/each person's own time|start of each person's working day/)
      .first()
      .waitFor();
    await page.getByText(kenji.name, { exact: false }).first().waitFor();
  });

  it("is answered by two people, one blocked, naming a third, who sees it on Home", async () => {
    const { page, baseUrl } = e2e;
    await runJobs(wednesday.at);
    await answerFromHome(k.page, baseUrl, ritual, kenji.name, { text: BLOCKER, unblocker: ANA.name }, 4);
    await answerFromHome(page, baseUrl, ritual, priya.name);

    await a.page.goto(baseUrl);
    const card = a.page.getByRole("region", { name: "Blockers waiting on me" });
    await card.getByText(BLOCKER, { exact: false }).waitFor();
    await expect.poll(() => card.getByText(kenji.name).count()).toBeGreaterThan(0);
    await expect.poll(() => card.getByText("Who can unblock: you", { exact: false }).count()).toBe(1);
    await checkPage(a.page, "checkins-2-blocker-on-home");

    // Priya leads the team: its open blockers on the Blockers page, beside her own (none).
    await page.goto(`${baseUrl}/checkins/blockers`);
    await page.getByRole("heading", { name: "Blockers", level: 1 }).waitFor();
    const team = page.getByRole("region", { name: "Platform: open blockers" });
    await team.getByText(BLOCKER, { exact: false }).waitFor();
    await page.getByRole("region", { name: "Waiting on me" }).getByText("Nobody is waiting on you").waitFor();
    await checkPage(page, "checkins-2-blockers-page");
  });

  it("posts the digest once every window has closed: counts, blockers, who has not answered for the lead", async () => {
    const { page, baseUrl } = e2e;
    await runJobs(wednesday.at + 26 * HOUR);

    await page.goto(`${baseUrl}/checkins/${checkinId}?date=${wednesday.localDate}`);
    await page.getByRole("heading", { name: ritual, level: 1 }).waitFor();
    const digest = page.getByRole("region", { name: "Digest" });
    await digest.getByText("2 of 3 answered").waitFor();
    await digest.getByText(`Not answered yet: ${ANA.name}`, { exact: false }).waitFor();
    await digest.getByText(BLOCKER, { exact: false }).first().waitFor();
    await expect
      .poll(() => digest.getByText(`Who can unblock: ${ANA.name}`, { exact: false }).count())
      .toBe(1);
    await checkPage(page, "checkins-3-digest");

    // Kenji takes part but does not run it: the same counts, never who has not answered.
    await k.page.goto(`${baseUrl}/checkins/${checkinId}?date=${wednesday.localDate}`);
    await k.page.getByRole("region", { name: "Digest" }).getByText("2 of 3 answered").waitFor();
    expect(await k.page.getByText("Not answered yet", { exact: false }).count()).toBe(0);
    // His own pulse, for him alone; the team's week held back (one answer, under five) as a gap.
    const kenjisPulse = k.page.getByRole("region", { name: "Pulse" });
    await kenjisPulse.getByText("Only you see this", { exact: false }).first().waitFor();
    await expect.poll(() => kenjisPulse.getByTestId("pulse-gap").count()).toBe(1);
    await checkPage(k.page, "checkins-3-digest-participant");
    const priyasPulse = page.getByRole("region", { name: "Pulse" });
    await priyasPulse.getByText("Shown for groups of 5 or more").first().waitFor();
    expect(await priyasPulse.getByText("Only you see this", { exact: false }).count()).toBe(0);

    // The posted update, in the feed's words.
    await digest.getByRole("link", { name: "Open the digest update" }).click();
    await page.getByText("Check-in digest", { exact: true }).first().waitFor();
    await checkPage(page, "checkins-4-digest-update");
  });

  it("lets the third person resolve the blocker from Home", async () => {
    const { baseUrl } = e2e;
    await a.page.goto(baseUrl);
    const card = a.page.getByRole("region", { name: "Blockers waiting on me" });
    await card.getByRole("button", { name: `Resolve: ${BLOCKER}` }).click();
    await card.getByText("Nobody is waiting on you", { exact: false }).waitFor();
  });

  it("lets an admin raise the minimum group size, never lower it", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/settings/organisation`);
    const privacy = page.getByRole("region", { name: "Privacy" });
    const size = privacy.getByRole("textbox", { name: "Minimum group size for pulse results" });
    await size.fill("4");
    await privacy.getByRole("button", { name: "Save privacy settings" }).click();
    await privacy.getByText("Can be raised, never lowered: it is 5 now", { exact: false }).waitFor();
    await checkPage(page, "checkins-5-privacy-error");
    await size.fill("6");
    const saved = page.waitForResponse(
      (r) => r.url().endsWith("/organisation/privacy") && r.request().method() === "PUT",
    );
    await privacy.getByRole("button", { name: "Save privacy settings" }).click();
    expect((await saved).status()).toBe(200);
    await page.goto(`${baseUrl}/checkins/${checkinId}`);
    await page
      .getByRole("region", { name: "Pulse" })
      .getByText("Shown for groups of 6 or more")
      .first()
      .waitFor();
    expect(errors).toEqual([]);
  });
});
