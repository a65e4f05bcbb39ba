import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { METRIC_DEFINITIONS } from "../src/core/insights/definitions";
import { apiCall } from "./support/api";
import { type E2E, startE2E } from "./support/browser";
import { checkPage, navigate } from "./support/flows";

/**
 * The demo organisation's insights (issue 16), as its owner Olivia (an admin: every team's aggregates
 * and the organisation's): her own balance on Home and on Mine, Platform's figures (5 people) and
 * Product's suppressed explanation (4 people), and the organisation by team.
 */
describe("balance insights in the demo organisation", () => {
  let e2e: E2E;
  const teams: Record<string, string> = {};

  beforeAll(async () => {
    e2e = await startE2E({ TANDEM_RATE_LIMIT: "100000" });
    const { page, baseUrl } = e2e;
    page.setDefaultTimeout(20_000);
    // "Explore with demo data": seeds Northwind (rollups included) and signs this browser in as Olivia.
    // Seeding computes ten weeks of rollups for everyone: slower than one request usually is.
    const seeded = await page.request.post(`${baseUrl}/api/v1/setup/demo`, { timeout: 170_000 });
    expect(seeded.status()).toBe(201);
    const { teams: list } = await apiCall<{ teams: { id: string; name: string }[] }>(
      page.request,
      baseUrl,
      "GET",
      "/teams",
    );
    for (const t of list) teams[t.name] = t.id;
  }, 200_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it("Home's balance card shows this week's meeting hours against the budget and leads to Mine", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(baseUrl);
    const card = page.getByRole("region", { name: "Balance this week" });
    await card.getByText(/^Meeting hours: [\d.]+ of [\d.]+ h budget$/).waitFor();
    await card.getByText(/^Focus hours: [\d.]+ h$/).waitFor();
    expect(await card.getByRole("meter").count()).toBe(1);
    await checkPage(page, "insights-home");
    await card.getByRole("link", { name: "My insights" }).click();
    await page.getByRole("heading", { name: "My insights", level: 1 }).waitFor();
  });

  it("Mine: private weekly charts, each with its sentence and definition, and alerts with a next step", async () => {
    const { page } = e2e;
    await navigate(page, "Mine", "My insights");
    await page.getByText(/^Only you can see this\./).waitFor();
    const chart = page.getByRole("img", { name: /^Meeting hours per week, \d+ weeks: / });
    await chart.waitFor();
    const label = (await chart.getAttribute("aria-label")) ?? "";
    expect(label).toMatch(/budget [\d.]+ h$/);
    // The same sentence is on the page for everyone, not only in the drawing's name.
    await page.getByTestId("chart-summary").filter({ hasText: label }).waitFor();
    for (const name of [
      /^Focus hours per week/,
      /^After-hours meetings per week/,
      /^Fragmented hours per week/,
    ])
      await page.getByRole("img", { name }).waitFor();
    // A figure's definition is one click away.
    const meetings = page.getByRole("region", { name: "Meeting hours" });
    await meetings.getByText(/^What is “meeting hours”\?$/).click();
    await meetings.getByText(METRIC_DEFINITIONS.meetingHours.definition).waitFor();
    // Olivia's weeks run over the budget: the alert says why and what to do next.
    const alert = page.getByTestId("insight-alert").filter({ hasText: "Meeting overload" });
    await alert.getByText(/^Next step:/).waitFor();
    await checkPage(page, "insights-mine");
  });

  it("My team: a team of 5 shows medians with the group-size note; a team of 4 is explained, not shown", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(baseUrl);
    await navigate(page, "My team", "Team insights");
    await page.goto(`${baseUrl}/insights/team?team=${teams.Platform}`);
    const note = page.getByTestId("group-size-note");
    await note.waitFor();
    expect(await note.textContent()).toMatch(/^Figures for groups of 5 or more people; this team has 5\./);
    await page.getByRole("img", { name: /^Meeting hours per week, \d+ weeks: median / }).waitFor();
    await page.getByRole("img", { name: /^Focus hours per week/ }).waitFor();
    await page.getByRole("heading", { name: "Alerts in the team" }).waitFor();
    await checkPage(page, "insights-team");

    await page.goto(`${baseUrl}/insights/team?team=${teams.Product}`);
    const suppressed = page.getByTestId("suppressed-note");
    await suppressed.waitFor();
    expect(await suppressed.textContent()).toMatch(
      /^Product has fewer than 5 people, so no figures are shown — to protect individuals/,
    );
    expect(await page.getByRole("img", { name: /per week/ }).count()).toBe(0);
    await checkPage(page, "insights-team-suppressed");
  });

  it("Organisation: every team with its figures, a small team as fewer than 5 people; by time zone too", async () => {
    const { page } = e2e;
    await page.getByRole("navigation").locator('a[href="/insights/organisation"]').click();
    await page.getByRole("heading", { name: "Organisation insights", level: 1 }).waitFor();
    const table = page.getByRole("table");
    await table.getByRole("rowheader", { name: "Platform" }).waitFor();
    const product = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Product" }) });
    await product.getByText("No figures: fewer than 5 people, to protect individuals").waitFor();
    await page.getByRole("img", { name: /^Median meeting hours per week by team: / }).waitFor();
    await checkPage(page, "insights-organisation");
    // The export holds what the page shows: Product by name and size, without figures.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? "", "utf8");
    expect(csv).toMatch(/^Group,People,Shown,Meeting hours median/);
    expect(csv).toMatch(/\r\nPlatform,5,yes,\d/);
    expect(csv).toContain("\r\nProduct,4,no (too few people),,");

    // By time zone: the groups, or in words why such a breakdown would single people out.
    await page.getByText("By time zone").click();
    await page
      .getByRole("img", { name: /^Median meeting hours per week by time zone: / })
      .or(page.getByRole("alert").filter({ hasText: /\S/ }))
      .waitFor();
    expect(page.url()).toContain("groupBy=timeZone");
  });

  it("Agreement effect and Meeting audit open from the navigation and say what they show", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(baseUrl);
    await navigate(page, "Agreement effect");
    // The organisation's latest version: what changed, then before and after (or why not).
    await page.getByRole("heading", { name: "What changed", level: 2 }).waitFor();
    await checkPage(page, "insights-agreement-effect");
    await navigate(page, "Meeting audit");
    // Olivia organises no recurring meeting and leads no team: the page says what it is for.
    await page.getByText("No recurring meetings to audit").waitFor();
    await checkPage(page, "insights-meeting-audit");
  });
});
