import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, screenshot, seriousViolations, startE2E } from "./support/browser";
import { navigate, pathOf, setUpThroughPages } from "./support/flows";

const owner = {
  organisation: "Acme Remote",
  name: "Priya Patel",
  email: "priya@example.test",
  password: "correct horse battery",
};

describe("onboarding in a browser", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("walks setup → team → invite → accept → working pattern → team clock", async () => {
    const { page, baseUrl } = e2e;
    page.setDefaultTimeout(15_000);
    const checkPage = async (name: string) => {
      expect(await seriousViolations(page), name).toEqual([]);
      await screenshot(page, name);
    };
    await setUpThroughPages(page, baseUrl, owner);
    await page.getByRole("heading", { name: "Today" }).waitFor();
    await page.getByText(/You are not working today|Your working hours: 09:00–17:00/).waitFor();
    await checkPage("onboarding-1-home");

    await navigate(page, "Teams");
    await page.getByText("No teams yet").waitFor();
    await page.getByLabel("New team name").fill("Core");
    await page.getByRole("button", { name: "Create team" }).click();
    await page.getByRole("heading", { name: "Core", level: 1 }).waitFor();
    await page.getByRole("combobox", { name: "Add a person" }).click();
    await page.getByRole("option", { name: owner.name }).click();
    await page.getByRole("button", { name: "Add to team" }).click();
    await page.getByRole("button", { name: `Make ${owner.name} lead` }).click();
    await page.getByRole("button", { name: `Make ${owner.name} a member` }).waitFor();
    await checkPage("onboarding-2-team");

    await navigate(page, "Invitations");
    await page.getByText("No open invitations").waitFor();
    await page.getByLabel(/^Name/).fill("Kenji Sato");
    await page.getByLabel(/^Email/).fill("kenji@example.test");
    await page.getByRole("combobox", { name: "Their time zone" }).fill("Europe/London");
    await page.keyboard.press("Escape");
    await page.getByRole("combobox", { name: "Teams (optional)" }).click();
    await page.getByRole("option", { name: "Core" }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Send invitation" }).click();
    const link = await page
      .getByRole("alert")
      .filter({ hasText: "Invitation link for Kenji Sato" })
      .locator("pre")
      .textContent();
    expect(link).toMatch(/\/invitations\/\S+$/);
    await page.getByRole("table", { name: "Open invitations" }).getByText("kenji@example.test").waitFor();
    await checkPage("onboarding-3-invited");

    const kenji = await e2e.newContext({ timezoneId: "Europe/London" });
    await kenji.page.goto(`${baseUrl}${pathOf(link ?? "")}`);
    await expect
      .poll(() => kenji.page.getByRole("combobox", { name: "Your time zone" }).inputValue())
      .toBe("Europe/London");
    expect(await seriousViolations(kenji.page)).toEqual([]);
    await kenji.page.getByLabel(/^Password/).fill("kenji's long password");
    await screenshot(kenji.page, "onboarding-4-accept");
    await kenji.page.getByRole("button", { name: "Join" }).click();
    await kenji.page.getByRole("heading", { name: "Welcome, Kenji Sato" }).waitFor();

    const k = kenji.page;
    await navigate(k, "Profile", "Your profile");
    await k.getByRole("textbox", { name: "Wednesday hours 1 end" }).fill("12:00");
    await k.getByRole("button", { name: "Add hours on Wednesday" }).click();
    await k.getByRole("textbox", { name: "Wednesday hours 2 start" }).fill("11:00");
    await k.getByRole("textbox", { name: "Wednesday hours 2 end" }).fill("17:00");
    await k.getByRole("button", { name: "Save working pattern" }).click();
    await k.getByText("Wednesday, second interval overlaps the first interval").first().waitFor();
    expect(await k.getByRole("textbox", { name: "Wednesday hours 2 end" }).inputValue()).toBe("17:00");
    await k.getByRole("textbox", { name: "Wednesday hours 2 start" }).fill("13:00");
    await k.getByRole("button", { name: "Save working pattern" }).click();
    await k.getByText("Working pattern saved").waitFor();
    await k.reload();
    await expect
      .poll(() => k.getByRole("textbox", { name: "Wednesday hours 2 start" }).inputValue())
      .toBe("13:00");
    expect(await k.getByRole("textbox", { name: "Wednesday hours 1 end" }).inputValue()).toBe("12:00");
    expect(await seriousViolations(k)).toEqual([]);
    await screenshot(k, "onboarding-5-working-pattern");

    // Wednesday 14 January 2026, 15:30 in Kolkata and 10:00 in London.
    await page.clock.setFixedTime(new Date("2026-01-14T10:00:00Z"));
    await page.reload();
    await navigate(page, "Team clock");
    const summary = page.getByTestId("overlap-summary");
    await summary.getByText("Everyone overlaps 14:30–17:00 your time today").waitFor();
    await summary.getByText("Everyone overlaps 14:30–17:00 your time tomorrow").waitFor();
    const hours = page.getByRole("table", { name: "Working hours in your time" });
    await hours
      .getByRole("row", { name: /Priya Patel/ })
      .getByText("09:00–17:00")
      .first()
      .waitFor();
    const kenjiRow = hours.getByRole("row", { name: /Kenji Sato · 10:00 their time/ });
    await kenjiRow.getByText("14:30–17:30, 18:30–22:30").waitFor();
    await checkPage("onboarding-6-team-clock");

    await navigate(page, "People");
    await page.getByRole("table", { name: "People" }).getByRole("link", { name: "Kenji Sato" }).click();
    await page.getByText("Wed 09:00–12:00, 13:00–17:00").waitFor();
    await checkPage("onboarding-7-person");
    await page.getByRole("link", { name: "Edit Kenji Sato" }).click();
    await page.getByRole("heading", { name: "Edit Kenji Sato" }).waitFor();
    expect(await page.getByRole("textbox", { name: "Wednesday hours 2 start" }).inputValue()).toBe("13:00");
    expect(await page.getByRole("combobox", { name: "Role" }).inputValue()).toBe("member");
    await checkPage("onboarding-7-edit-person");
  });

  it("imports people, shows the outbox and audit log, and manages API tokens", async () => {
    const { page } = e2e;
    const checkPage = async (name: string) => {
      expect(await seriousViolations(page), name).toEqual([]);
      await screenshot(page, name);
    };
    await navigate(page, "Import people");
    const file = (text: string) => ({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
    const input = page.locator('input[type="file"]');
    await input.setInputFiles(
      file("name,email,role,timeZone,team\nAna Lima,ana@example.test,boss,America/Sao_Paulo,\n"),
    );
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page
      .getByRole("list", { name: "Lines to fix" })
      .getByText(/Line 2: role must be one of/)
      .waitFor();
    await input.setInputFiles(
      file(
        "name,email,role,timeZone,team\nAna Lima,ana@example.test,member,America/Sao_Paulo,Core\nKenji again,kenji@example.test,member,Europe/London,\n",
      ),
    );
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByText("1 invited, 1 skipped.").waitFor();
    const report = page.getByRole("table", { name: "Import report" });
    await report.getByRole("row", { name: /2 ana@example.test invited/ }).waitFor();
    await report.getByRole("row", { name: /3 kenji@example.test skipped/ }).waitFor();
    await checkPage("onboarding-8-import");

    await navigate(page, "Outbox");
    await page
      .getByRole("button", { name: /invited you to Acme Remote on Tandem.*to ana@example.test/ })
      .click();
    await page.getByText(/^Hello Ana Lima,/).waitFor();
    await checkPage("onboarding-9-outbox");

    await navigate(page, "Audit log");
    await page.getByRole("table", { name: "Audit log" }).getByText("invitation accepted").waitFor();
    await checkPage("onboarding-10-audit");

    await navigate(page, "API tokens");
    await page.getByText("No tokens yet").waitFor();
    await page.getByLabel(/^Token name/).fill("calendar script");
    await page.getByRole("button", { name: "Create token" }).click();
    await page.getByRole("button", { name: "Copy token" }).waitFor();
    await page.getByRole("table", { name: "Your tokens" }).getByText("never").waitFor();
    await checkPage("onboarding-11-tokens");
    await page.getByRole("button", { name: "Revoke calendar script" }).click();
    await page
      .getByRole("dialog", { name: "Are you sure?" })
      .getByRole("button", { name: "Revoke token" })
      .click();
    await page.getByText("No tokens yet").waitFor();
  });
});
