import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, screenshot, seriousViolations, startE2E } from "./support/browser";

describe("on a phone", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("shows the directory as cards and opens the navigation from the burger", async () => {
    const { baseUrl } = e2e;
    const { page } = await e2e.newContext({ viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(15_000);
    const setup = await page.request.post(`${baseUrl}/api/v1/setup`, {
      data: {
        organisation: { name: "Acme Remote", timeZone: "Asia/Kolkata" },
        owner: {
          name: "Priya Patel",
          email: "priya@example.test",
          password: "correct horse battery",
          timeZone: "Asia/Kolkata",
        },
      },
    });
    expect(setup.status()).toBe(201);
    const { token } = (await (await page.request.get(`${baseUrl}/api/v1/auth/csrf`)).json()) as {
      token: string;
    };
    const invite = await page.request.post(`${baseUrl}/api/v1/people`, {
      headers: { "x-csrf-token": token },
      data: { name: "Ana Lima", email: "ana@example.test", role: "member", timeZone: "America/Sao_Paulo" },
    });
    expect(invite.status()).toBe(201);

    await page.goto(`${baseUrl}/team/people`);
    const cards = page.getByRole("list", { name: "People" }).getByRole("listitem");
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(2);
    expect(await page.getByRole("table").count()).toBe(0);
    await cards.filter({ hasText: "Ana Lima" }).getByText("America/Sao_Paulo").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "phone-directory");

    const teamClock = page.getByRole("link", { name: "Team clock" });
    const outOfReach = () => teamClock.evaluate((link) => link.closest("[inert]") !== null);
    expect(await outOfReach()).toBe(true);
    await page.getByRole("button", { name: "Open navigation" }).click();
    await page.getByRole("button", { name: "Close navigation", expanded: true }).waitFor();
    await expect.poll(outOfReach, { timeout: 15_000 }).toBe(false);
    const onScreen = async () => {
      const box = await teamClock.boundingBox();
      return box !== null && box.x >= 0 && box.x + box.width <= 390;
    };
    await expect.poll(onScreen, { timeout: 15_000 }).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "phone-navigation");
    await teamClock.click();
    await page.getByRole("heading", { name: "Team clock", level: 1 }).waitFor();
    await page.getByText("No teams yet").waitFor();
    await expect.poll(outOfReach, { timeout: 15_000 }).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "phone-team-clock");
  });
});
