import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, screenshot, seriousViolations, startE2E } from "./support/browser";

describe("first run in a browser", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("opens a fresh instance on the setup page, as the README says", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(baseUrl);
    await page.getByRole("heading", { name: "Set up Tandem", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/setup");
    expect(await page.title()).toBe("Set up · Tandem");
  });

  it("sets up an organisation with the browser's zone, signs out and back in", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(baseUrl);
    await page.getByRole("heading", { name: "Set up Tandem", level: 1 }).waitFor();
    await expect
      .poll(() => page.getByRole("combobox", { name: "Your time zone" }).inputValue())
      .toBe("Asia/Kolkata");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("Organisation name").fill("Acme Remote");
    await page.getByLabel("Your name").fill("Priya Patel");
    await page.getByLabel("Your email").fill("priya@example.test");
    await page.getByLabel(/^Password/).fill("correct horse battery");
    await screenshot(page, "setup-filled");
    await page.getByRole("button", { name: "Create organisation" }).click();
    await page.getByRole("heading", { name: "Welcome, Priya Patel" }).waitFor();
    expect(await page.getByText("(Asia/Kolkata)").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "home-after-setup");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in to Tandem" }).waitFor();
    // Set up once: from now on the instance opens on sign-in.
    await page.goto(baseUrl);
    await page.getByRole("heading", { name: "Sign in to Tandem" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByLabel("Email").fill("PRIYA@example.test");
    await page.getByLabel(/^Password/).fill("wrong password!");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "do not match" }).waitFor();
    await page.getByLabel(/^Password/).fill("correct horse battery");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { name: "Welcome, Priya Patel" }).waitFor();
  });
});

describe("first run with demo data", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("loads the demo organisation from the setup page and signs in as its owner", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/setup`);
    await page.getByRole("button", { name: "Explore with demo data" }).click();
    const shown = page.getByText(/signs in with the password/);
    await shown.waitFor();
    const password = /the password (\S+)$/.exec((await shown.textContent()) ?? "")?.[1];
    await page.getByRole("heading", { name: /Olivia Bennett/ }).waitFor();
    await page.goto(`${baseUrl}/team/people`);
    await page.getByText("Northwind Remote").first().waitFor();
    await screenshot(page, "demo-directory");
    // The organisation's name is in the header before the directory has loaded: wait for the people.
    await expect.poll(() => page.getByText("Asia/Kolkata").count(), { timeout: 15_000 }).toBeGreaterThan(0);

    // Olivia's profile says London, this browser Kolkata: offered once, and "keep" is remembered.
    const offer = page.getByRole("region", { name: "Time zone" });
    await offer.getByText("This browser is in Asia/Kolkata, but your profile says Europe/London.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await offer.getByRole("button", { name: "Keep Europe/London" }).click();
    await offer.waitFor({ state: "detached" });
    await page.reload();
    await page.getByRole("heading", { name: "People", level: 1 }).waitFor();
    expect(await page.getByRole("region", { name: "Time zone" }).count()).toBe(0);

    // Signed out, the sign-in page says how to sign in to the demo, for as long as it exists.
    await page.getByRole("button", { name: "Sign out" }).click();
    const hint = page.getByRole("region", { name: "Exploring the demo?" });
    await hint.getByText(`Sign in as olivia@northwind.example with the password ${password}.`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await hint.getByRole("button", { name: "Use the demo sign-in" }).click();
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { name: "Welcome, Olivia Bennett" }).waitFor();
  });
});
