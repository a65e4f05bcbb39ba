import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall } from "./support/api";
import { type Browsing, type E2E, screenshot, seriousViolations, startE2E } from "./support/browser";
import { navigate } from "./support/flows";

const owner = { name: "Priya Patel", email: "priya@example.test", password: "correct horse battery" };
const member = { name: "Kenji Sato", email: "kenji@example.test", password: "kenji's long password" };

/** Adds a participant to the advisor's question and asks it. */
async function askWith(page: Page, name: string) {
  await page.getByRole("combobox", { name: "Who takes part" }).click();
  await page.getByRole("option", { name }).click();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Get the answer" }).click();
}

describe("the working agreement in a browser", () => {
  let e2e: E2E;
  let kenji: Browsing;
  let teamId: string;
  beforeAll(async () => {
    e2e = await startE2E();
    const { page, baseUrl } = e2e;
    // The organisation, its owner (Kolkata) and a member (London), straight through the API.
    const setup = await page.request.post(`${baseUrl}/api/v1/setup`, {
      data: {
        organisation: { name: "Acme Remote", timeZone: "Asia/Kolkata" },
        owner: { ...owner, timeZone: "Asia/Kolkata" },
      },
    });
    expect(setup.status()).toBe(201);
    const { invitation } = await apiCall<{ invitation: { token: string } }>(
      page.request,
      baseUrl,
      "POST",
      "/people",
      {
        name: member.name,
        email: member.email,
        role: "member",
        timeZone: "Europe/London",
      },
    );
    kenji = await e2e.newContext({ timezoneId: "Europe/London" });
    const accepted = await kenji.page.request.post(
      `${baseUrl}/api/v1/invitations/${invitation.token}/accept`,
      {
        data: { password: member.password, timeZone: "Europe/London" },
      },
    );
    expect(accepted.ok()).toBe(true);
    ({
      team: { id: teamId },
    } = await apiCall<{ team: { id: string } }>(page.request, baseUrl, "POST", "/teams", { name: "Core" }));
  });
  afterAll(async () => {
    await e2e?.close();
  });

  const checkPage = async (page: Page, name: string) => {
    expect(await seriousViolations(page), name).toEqual([]);
    await screenshot(page, name);
  };

  it("publishes a version that a member acknowledges, and compliance shows when", async () => {
    const { page, baseUrl } = e2e;
    page.setDefaultTimeout(15_000);
    kenji.page.setDefaultTimeout(15_000);

    // Kenji has never acknowledged a version: nothing to compare with, so the page says to read it all.
    const k = kenji.page;
    await k.goto(`${baseUrl}/agreement`);
    await k.getByRole("heading", { name: "First time: read the whole agreement", level: 2 }).waitFor();
    await k.getByRole("button", { name: "I have read and acknowledge version 1" }).click();
    await k.getByText("You have acknowledged version 1 of the working agreement.").waitFor();
    expect(await k.getByRole("heading", { name: "First time: read the whole agreement" }).count()).toBe(0);

    await page.goto(baseUrl);
    await navigate(page, "Working agreement");
    await page
      .getByText(
        "One-to-ones, performance reviews, conflict resolutions, incidents and hiring debriefs are always live.",
      )
      .waitFor();
    await page
      .getByText("Reply within 8 working hours (normal), 2 (urgent), 24 (low)", { exact: false })
      .waitFor();
    await checkPage(page, "agreement-1-read");

    await page.getByRole("link", { name: "Edit the agreement" }).click();
    await page.getByRole("heading", { name: "Edit the working agreement" }).waitFor();
    await page.getByLabel("Longest meeting (minutes)").fill("45");
    await page.locator("label", { hasText: "Wednesday" }).click();
    await page.getByRole("button", { name: "Publish version 2" }).click();
    await page.getByText("Say what changed").waitFor();
    await page.getByLabel("What changed").fill("Shorter meetings, and Wednesdays stay free for focus.");
    await page.getByLabel("Section 1 text (markdown)").fill("We work across zones. **Writing** comes first.");
    await page
      .getByRole("region", { name: "Preview of section 1" })
      .locator("strong", { hasText: "Writing" })
      .waitFor();
    await checkPage(page, "agreement-2-editor");
    await page.getByRole("button", { name: "Publish version 2" }).click();
    const dialog = page.getByRole("dialog", { name: "Publish version 2?" });
    await dialog.getByText("Shorter meetings, and Wednesdays stay free for focus.").waitFor();
    await dialog.getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByRole("heading", { name: "Working agreement", level: 1 }).waitFor();
    await page.getByText("Meetings last at most 45 minutes.").waitFor();
    await page.getByText("No meetings on Wednesday.").waitFor();

    await page.getByRole("link", { name: "Version history" }).click();
    await page.getByRole("link", { name: "Version 2", exact: true }).click();
    const changes = page.getByRole("list", { name: "Rule changes" });
    await changes.getByText("Longest meeting:").waitFor();
    expect(await changes.textContent()).toContain("was 60 minutes → now 45 minutes");
    await page
      .getByRole("list", { name: "Section changes" })
      .getByText("Why we have this agreement")
      .waitFor();
    await checkPage(page, "agreement-3-version-diff");

    // Publishing version 2 acknowledged it for Priya; Kenji has not read it yet.
    await navigate(page, "Acknowledgements");
    await page.getByText("1 of 2", { exact: false }).waitFor();
    const table = page.getByRole("table", { name: "Acknowledgements" });
    await table
      .getByRole("row", { name: /Priya Patel Acknowledged \w{3} \d{1,2} \w{3}, \d\d:\d\d/ })
      .waitFor();
    await table.getByRole("row", { name: /Kenji Sato pending/ }).waitFor();
    await page.getByRole("button", { name: "Email a reminder to 1 pending" }).click();
    await page.getByRole("status").filter({ hasText: "Reminder queued for 1 person" }).waitFor();
    await checkPage(page, "agreement-5-compliance");

    // The member sees the banner on any page, reads what changed since version 1, acknowledges; the banner goes.
    await k.goto(baseUrl);
    const banner = k.getByRole("region", { name: "Waiting for your acknowledgement" });
    await banner
      .getByRole("link", { name: "The working agreement changed (version 2) — read and acknowledge" })
      .waitFor();
    await checkPage(k, "agreement-4-member-banner");
    await banner.getByRole("link").click();
    await k.getByRole("heading", { name: "Working agreement", level: 1 }).waitFor();
    await k.getByText("Meetings last at most 45 minutes.").waitFor();
    await k
      .getByRole("heading", { name: "Changed since you last acknowledged (version 1)", level: 2 })
      .waitFor();
    const since = k.getByRole("list", { name: "Changed rules" });
    await since.getByText("Longest meeting:").waitFor();
    expect(await since.textContent()).toContain("was 60 minutes → now 45 minutes");
    expect(await since.textContent()).toContain("was none → now Wednesday");
    await k.getByRole("list", { name: "Section changes" }).getByText("Why we have this agreement").waitFor();
    await checkPage(k, "agreement-4b-member-changes");
    await k.getByRole("button", { name: "I have read and acknowledge version 2" }).click();
    await k.getByText("You have acknowledged version 2 of the working agreement.").waitFor();
    await k.goto(baseUrl);
    await k.getByRole("heading", { name: `Welcome, ${member.name}` }).waitFor();
    expect(await k.getByRole("region", { name: "Waiting for your acknowledgement" }).count()).toBe(0);

    await page.reload();
    await page.getByText("2 of 2", { exact: false }).waitFor();
    await table
      .getByRole("row", { name: /Kenji Sato Acknowledged \w{3} \d{1,2} \w{3}, \d\d:\d\d/ })
      .waitFor();
  });

  it("lets a team only tighten the rules, naming the rule it refuses", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/agreement?team=${teamId}`);
    await page.getByText("Core follows the organisation's rules as they are.").waitFor();
    await page.getByRole("button", { name: "Tighten the rules for Core" }).click();
    await page.getByLabel("Longest meeting (minutes)").fill("90");
    await page.getByRole("button", { name: "Save team rules" }).click();
    // The refusal names the rule by its label, never by its id.
    const refusal = page.getByRole("alert").filter({ hasText: "longest meeting of 90 minutes is looser" });
    await refusal.waitFor();
    expect(await refusal.textContent()).not.toContain("maxMeetingMinutes");
    await page.getByLabel("Longest meeting (minutes)").fill("30");
    await page.getByRole("button", { name: "Save team rules" }).click();
    const rule = page.locator("#rule-maxMeetingMinutes");
    await rule.getByText("Meetings last at most 30 minutes.").waitFor();
    await rule.getByText("team", { exact: true }).waitFor();
    await checkPage(page, "agreement-6-team");
  });

  it("answers whether something should be a meeting, with reasons and a next step", async () => {
    const { page, baseUrl } = e2e;
    await navigate(page, "Should this be a meeting?");
    await page.getByRole("radio", { name: "Discuss" }).check();
    await page.getByRole("combobox", { name: "Kind of meeting (if it has one)" }).click();
    await page.getByRole("option", { name: "One-to-one" }).click();
    await askWith(page, member.name);
    await page.getByRole("heading", { name: "Meet live", level: 3 }).waitFor();
    const reasons = page.getByRole("list", { name: "Reasons" });
    await reasons.getByText("one-to-ones are always live", { exact: false }).waitFor();
    await reasons.getByRole("link", { name: /^Always live: see the rule/ }).waitFor();
    await screenshot(page, "agreement-7-advisor-live"); // axe checks this page with its async answer below
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("link", { name: /^Find a \d+-minute time for everyone$/ }).click();
    await page.getByRole("heading", { name: "Find a time" }).waitFor();
    expect(new URL(page.url()).searchParams.get("people")?.split(",")).toHaveLength(2);
    await page.goto(`${baseUrl}/agreement/advisor`);

    // A fresh question: only informing, no particular kind.
    await page.reload();
    await page.getByRole("radio", { name: "Inform" }).check();
    await askWith(page, member.name);
    await page.getByRole("heading", { name: "Write it async", level: 3 }).waitFor();
    await page.getByText(/ask for replies by \w{3} \d{1,2} \w{3}, \d\d:\d\d your time/).waitFor();
    // One reply-by per recipient; Priya asks, so she has none.
    const dues = page
      .getByRole("list", { name: "Each recipient's reply-by, your time" })
      .getByRole("listitem");
    await dues.first().waitFor();
    expect(await dues.allTextContents()).toEqual([
      expect.stringMatching(
        /^Kenji Sato: reply by \w{3} \d{1,2} \w{3}, \d\d:\d\d \((\w{3} \d{1,2} \w{3}, )?\d\d:\d\d their time\)$/,
      ),
    ]);
    await reasons.getByRole("link", { name: /^Sharing information goes async: see the rule/ }).waitFor();
    await reasons.getByRole("link", { name: /^Reply times: see the rule/ }).waitFor();
    await page.getByRole("button", { name: "Continue" }).click();
    expect(await page.getByLabel("Draft update").inputValue()).toContain("Please reply by");
    await checkPage(page, "agreement-8-advisor-async");
    // The advisor's draft opens in the composer, Kenji asked to reply.
    await page.getByRole("link", { name: "Post it as an update" }).click();
    await page.getByRole("heading", { name: "New update", level: 1 }).waitFor();
    expect(await page.getByLabel("Body").inputValue()).toContain("Please reply by");
    await page
      .getByRole("region", { name: "Reply-by of each responder" })
      .getByText(/Kenji Sato/)
      .waitFor();
  });

  it("creates a policy from a template, and works on a phone", async () => {
    const { page, baseUrl } = e2e;
    await navigate(page, "Policies");
    await page.getByText("No policies yet").waitFor();
    await checkPage(page, "agreement-9-policies-empty");
    await page.getByRole("button", { name: /^Start from the Right to disconnect/i }).click();
    await page.getByRole("heading", { level: 1, name: /right to disconnect/i }).waitFor();
    // Publishing it acknowledged it for Priya.
    await page.getByText(/You have acknowledged version 1 of “Right to disconnect/).waitFor();
    await checkPage(page, "agreement-10-policy");
    const policyId = new URL(page.url()).pathname.split("/").pop();

    const k = kenji.page;
    await k.goto(baseUrl);
    await k
      .getByRole("region", { name: "Waiting for your acknowledgement" })
      .getByRole("link", { name: /New policy: Right to disconnect policy/ })
      .click();
    await k.getByRole("heading", { name: "First time: read the whole policy", level: 2 }).waitFor();
    await k.getByRole("button", { name: "I have read and acknowledge version 1" }).click();
    await k.getByText(/You have acknowledged version 1 of/).waitFor();

    // Priya adds a line; Kenji sees just that line before acknowledging version 2.
    const { policy } = await apiCall<{ policy: { body: string } }>(
      page.request,
      baseUrl,
      "GET",
      `/policies/${policyId}`,
    );
    await apiCall(page.request, baseUrl, "PUT", `/policies/${policyId}`, {
      body: `${policy.body}\n\nOn-call staff are called for incidents only.\n`,
      changeSummary: "Incidents only",
    });
    await k.reload();
    await k
      .getByRole("heading", { name: "Changed since you last acknowledged (version 1)", level: 2 })
      .waitFor();
    const lines = k.getByRole("list", { name: "Changed lines" }).getByRole("listitem");
    await lines.first().waitFor();
    expect(await lines.allTextContents()).toEqual(["Added: On-call staff are called for incidents only."]);
    await checkPage(k, "agreement-10b-policy-changes");

    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`${baseUrl}/agreement/compliance`);
    await page.getByRole("list", { name: "Acknowledgements" }).getByText(member.name).waitFor();
    await checkPage(page, "agreement-11-compliance-phone");
    await page.goto(`${baseUrl}/agreement/advisor`);
    await page.getByRole("heading", { name: "Should this be a meeting?", level: 1 }).waitFor();
    await checkPage(page, "agreement-12-advisor-phone");
  });
});
