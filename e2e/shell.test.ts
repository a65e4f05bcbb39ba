import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRoutes } from "../src/web/app/routes";
import { apiCall } from "./support/api";
import { type Browsing, type E2E, seriousViolations, startE2E } from "./support/browser";

const owner = { name: "Priya Patel", email: "priya@example.test", password: "correct horse battery" };
const NO_ACCESS = "You don't have access to this page";
/** What a member may not use (written out here, not derived from the app's own rules). */
const MEMBER_REFUSED = new Set([
  "/team/people/:id/edit",
  "/meetings/calendar/:id",
  "/agreement/edit",
  "/checkins/new",
  "/agreement/compliance",
  "/settings/organisation",
  "/settings/invitations",
  "/settings/import",
  "/settings/outbox",
  "/settings/audit",
  "/settings/webhooks",
  "/settings/operations",
  "/settings/urgent-log",
  "/insights/team",
  "/insights/organisation",
  "/insights/agreement-effect",
]);

interface Person {
  id: string;
  browsing: Browsing;
}

describe("the web shell on every page", () => {
  let e2e: E2E;
  let ownerId: string;
  const people: Record<"admin" | "member", Person> = {} as never;
  const ids: Record<string, string> = {};

  /** A person invited by the owner who accepts in a browser of their own (zone: Kolkata, like the profile). */
  async function join(role: "admin" | "member", name: string): Promise<Person> {
    const { page, baseUrl } = e2e;
    const email = `${role}@example.test`;
    const { person, invitation } = await apiCall<{ person: { id: string }; invitation: { token: string } }>(
      page.request,
      baseUrl,
      "POST",
      "/people",
      { name, email, role, timeZone: "Asia/Kolkata" },
    );
    const browsing = await e2e.newContext();
    const accepted = await browsing.page.request.post(
      `${baseUrl}/api/v1/invitations/${invitation.token}/accept`,
      { data: { password: `${role} long password`, timeZone: "Asia/Kolkata" } },
    );
    expect(accepted.ok()).toBe(true);
    browsing.page.setDefaultTimeout(15_000);
    return { id: person.id, browsing };
  }

  beforeAll(async () => {
    // Every page of the app, twice, from one address: far past the per-address request limit.
    e2e = await startE2E({ TANDEM_RATE_LIMIT: "100000" });
    const { page, baseUrl } = e2e;
    const setup = await page.request.post(`${baseUrl}/api/v1/setup`, {
      data: {
        organisation: { name: "Acme Remote", timeZone: "Asia/Kolkata" },
        owner: { ...owner, timeZone: "Asia/Kolkata" },
      },
    });
    expect(setup.status()).toBe(201);
    ownerId = (await setup.json()).person.id;
    people.admin = await join("admin", "Ada Admin");
    people.member = await join("member", "Mo Member");
    const call = <T>(path: string, data: unknown) => apiCall<T>(page.request, baseUrl, "POST", path, data);
    ids.team = (await call<{ team: { id: string } }>("/teams", { name: "Core" })).team.id;
    ids.policy = (
      await call<{ policy: { id: string } }>("/policies", {
        title: "Right to disconnect",
        body: "Evenings are off.",
      })
    ).policy.id;
  });
  afterAll(async () => {
    await e2e?.close();
  });

  const urlOf = (path: string) =>
    path
      .replace("/teams/:id", `/teams/${ids.team}`)
      .replace("/policies/:id", `/policies/${ids.policy}`)
      .replace(":n", "1")
      .replace(":id", ownerId);

  async function checkPage(page: Page, title: string, refused: boolean) {
    const h1 = page.locator("h1");
    await h1.first().waitFor({ timeout: 30_000 });
    expect(await h1.count()).toBe(1);
    if (refused) expect(await h1.textContent()).toBe(NO_ACCESS);
    else expect(await h1.textContent()).not.toBe(NO_ACCESS);
    expect(await page.title()).toBe(`${title} · Tandem`);
    await page.locator("body").focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    // Both schemes on the same page: Mantine follows the system setting as it changes.
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await expect
        .poll(() => page.evaluate(() => document.documentElement.dataset.mantineColorScheme))
        .toBe(colorScheme);
      expect(await seriousViolations(page), `${colorScheme}: ${page.url()}`).toEqual([]);
    }
  }

  for (const role of ["admin", "member"] as const) {
    describe(`as ${role === "admin" ? "an admin" : "a member"}`, () => {
      it.each(appRoutes.map((r) => [r.path, r.title] as const))(
        "%s has its title, one h1, a skip link and no serious axe finding in both schemes",
        async (path, title) => {
          const { page } = people[role].browsing;
          const refused = role === "member" && MEMBER_REFUSED.has(path);
          await page.emulateMedia({ colorScheme: "light" });
          await page.goto(`${e2e.baseUrl}${urlOf(path)}`);
          await checkPage(page, title, refused);
        },
        180_000,
      );
    });
  }

  it("the skip link moves the keyboard to the page's content", async () => {
    const { page } = people.member.browsing;
    await page.goto(`${e2e.baseUrl}/team/people`);
    await page.getByRole("heading", { name: "People", level: 1 }).waitFor();
    await page.locator("body").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  });

  it("shows every time in the person's clock format, chosen on the profile", async () => {
    const { page } = people.member.browsing;
    const now = page.getByText(/^It is /);
    await page.goto(e2e.baseUrl);
    expect(await now.textContent()).toMatch(/^It is \w+ \d\d:\d\d in your zone/);
    await page.goto(`${e2e.baseUrl}/settings/profile`);
    await page.getByRole("combobox", { name: "Clock" }).click();
    await page.getByRole("option", { name: "12-hour (2:30 pm)" }).click();
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Profile saved").waitFor();
    await page.goto(e2e.baseUrl);
    await expect.poll(() => now.textContent()).toMatch(/^It is \w+ \d{1,2}:\d\d\s?[ap]m in your zone/i);
  });

  it("offers once to move the profile to the browser's zone", async () => {
    const travelling = await e2e.newContext({ timezoneId: "America/New_York" });
    const { page } = travelling;
    page.setDefaultTimeout(15_000);
    const login = await page.request.post(`${e2e.baseUrl}/api/v1/auth/login`, {
      data: { email: "member@example.test", password: "member long password" },
    });
    expect(login.ok()).toBe(true);
    await page.goto(e2e.baseUrl);
    const offer = page.getByRole("region", { name: "Time zone" });
    await offer
      .getByText("This browser is in America/New_York, but your profile says Asia/Kolkata.")
      .waitFor();
    await offer.getByRole("button", { name: "Use America/New_York" }).click();
    await page.getByText("in your zone (America/New_York)").waitFor();
    expect(await offer.count()).toBe(0);
    const me = await (await page.request.get(`${e2e.baseUrl}/api/v1/me`)).json();
    expect(me.person.timeZone).toBe("America/New_York");
  });

  it("says so when the server refuses a page's data, instead of a blank page", async () => {
    const { page } = people.admin.browsing;
    await page.goto(e2e.baseUrl);
    await page.getByRole("heading", { name: "Welcome, Ada Admin" }).waitFor();
    // Demoted while the page still believes they are an admin: the audit log answers 403.
    await apiCall(e2e.page.request, e2e.baseUrl, "PATCH", `/people/${people.admin.id}`, { role: "member" });
    await page.getByRole("navigation").getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("heading", { name: NO_ACCESS, level: 1 }).waitFor();
    expect(await page.locator("h1").count()).toBe(1);
  });
});
