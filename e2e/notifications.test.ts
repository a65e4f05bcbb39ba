import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall } from "./support/api";
import { type E2E, screenshot, seriousViolations, startE2E } from "./support/browser";

const owner = { name: "Priya Patel", email: "priya@example.test", password: "correct horse battery" };

async function noSeriousViolations(page: Page, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), `${name} (${colorScheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
  await screenshot(page, name);
}

describe("notifications in a browser", () => {
  let e2e: E2E;
  // A receiver on this machine: the instance allows private addresses, as an on-premises one would.
  let receiver: Server;
  let receiverUrl: string;
  beforeAll(async () => {
    receiver = createServer((_req, res) => res.writeHead(200).end("ok"));
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/tandem`;
    e2e = await startE2E({ TANDEM_ALLOW_PRIVATE_URLS: "true" });
    const setup = await e2e.page.request.post(`${e2e.baseUrl}/api/v1/setup`, {
      data: {
        organisation: { name: "Acme Remote", timeZone: "Asia/Kolkata" },
        owner: { ...owner, timeZone: "Asia/Kolkata" },
      },
    });
    expect(setup.status()).toBe(201);
    e2e.page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await e2e?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it("shows a notification in the open inbox without a reload, and marks it read", async () => {
    const { page, baseUrl } = e2e;
    const streamOpened = page.waitForResponse((r) => r.url().endsWith("/api/v1/events") && r.ok());
    await page.goto(`${baseUrl}/inbox`);
    await page.getByRole("heading", { name: "Inbox", level: 1 }).waitFor();
    const bell = page.getByRole("link", { name: /^Notifications, \d+ unread$/ });
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications, 0 unread");
    await streamOpened;
    await noSeriousViolations(page, "notifications-1-empty-inbox");
    let reloads = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) reloads += 1;
    });

    // The real path, as the same person: urgent, so it is delivered at once whatever the hour.
    await apiCall(page.request, baseUrl, "POST", "/notifications/test", { urgent: true });

    const items = page.getByRole("list", { name: "Notifications" }).getByRole("listitem");
    await expect.poll(() => items.count(), { timeout: 5000 }).toBe(1);
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications, 1 unread");
    expect(await items.first().getByText("urgent", { exact: true }).count()).toBe(1);
    expect(reloads).toBe(0);
    await noSeriousViolations(page, "notifications-2-arrived");

    await items
      .first()
      .getByRole("button", { name: /^Mark read/ })
      .click();
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications, 0 unread");
    await expect.poll(() => items.first().getByText("unread", { exact: true }).count()).toBe(0);
    expect(reloads).toBe(0);
  });

  it("keeps notification settings, sends an urgent test from them, and logs it for HR", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/settings/notifications`);
    await page.getByRole("heading", { name: "Notifications", level: 1 }).waitFor();
    await page
      .getByText(/working hours|per the/)
      .first()
      .waitFor();
    await page.getByLabel("Digest time (your local time)").fill("07:45");
    await page.getByRole("switch", { name: "Test notifications" }).uncheck({ force: true });
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Notification settings saved").waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel("Digest time (your local time)").inputValue()).toBe("07:45");
    expect(await page.getByRole("switch", { name: "Test notifications" }).isChecked()).toBe(false);
    await page
      .getByText("Urgent notifications arrive at once, even outside someone's hours, and are logged for HR.")
      .waitFor();
    await page.getByRole("switch", { name: /^Urgent/ }).check({ force: true });
    await page.getByRole("button", { name: "Send me a test notification" }).click();
    await page.getByText("Test notification sent: it is in your inbox now.").waitFor();
    const bell = page.getByRole("link", { name: /^Notifications, \d+ unread$/ });
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications, 1 unread");
    await noSeriousViolations(page, "notifications-3-settings");

    await page.goto(`${baseUrl}/settings/urgent-log`);
    await page.getByRole("heading", { name: "Urgent log", level: 1 }).waitFor();
    const rows = page.getByRole("table", { name: "Urgent notifications" }).getByRole("row");
    await expect.poll(() => rows.count()).toBe(3); // the header and the two urgent tests
    await page.getByText("Urgent notifications", { exact: true }).waitFor();
    await noSeriousViolations(page, "notifications-4-urgent-log");
  });

  it("shows a new webhook's secret once, and never again after a reload", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/settings/webhooks`);
    await page.getByRole("heading", { name: "Webhooks", level: 1 }).waitFor();
    await page.getByLabel("Address (URL)").fill(receiverUrl);
    await page.getByLabel("Test notifications").check();
    await page.getByRole("button", { name: "Add webhook" }).click();

    const once = page.getByText("Copy it now; it will not be shown again", { exact: false });
    await once.waitFor();
    const shownOnce = page.getByRole("alert").filter({ hasText: "it will not be shown again" });
    const secret = (await shownOnce.locator("pre").textContent())?.trim() ?? "";
    expect(secret.length).toBeGreaterThanOrEqual(16);
    await page.getByRole("button", { name: "Copy secret" }).waitFor();
    const list = page.getByRole("list", { name: "Webhooks" });
    await list.getByRole("heading", { name: receiverUrl }).waitFor();
    await noSeriousViolations(page, "notifications-5-webhook-secret");

    await page.reload();
    await list.getByRole("heading", { name: receiverUrl }).waitFor();
    expect(await once.count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    const listed = await apiCall<unknown>(page.request, baseUrl, "GET", "/webhooks");
    expect(JSON.stringify(listed)).not.toContain(secret);
    await noSeriousViolations(page, "notifications-6-webhooks-after-reload");
  });
});
