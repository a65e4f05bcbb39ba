import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall } from "./support/api";
import { type Browsing, type E2E, startE2E } from "./support/browser";

const owner = { name: "Priya Patel", email: "priya@example.test", password: "correct horse battery" };
const member = { name: "Kenji Sato", email: "kenji@example.test", password: "kenji's long password" };

describe("live refresh in a browser", () => {
  let e2e: E2E;
  let kenji: Browsing;
  beforeAll(async () => {
    e2e = await startE2E();
    const { page, baseUrl } = e2e;
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
      { name: member.name, email: member.email, role: "member", timeZone: "Europe/London" },
    );
    kenji = await e2e.newContext({ timezoneId: "Europe/London" });
    const accepted = await kenji.page.request.post(
      `${baseUrl}/api/v1/invitations/${invitation.token}/accept`,
      {
        data: { password: member.password, timeZone: "Europe/London" },
      },
    );
    expect(accepted.ok()).toBe(true);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("shows a member's acknowledgement on the open compliance page without a reload", async () => {
    const { page, baseUrl } = e2e;
    page.setDefaultTimeout(15_000);
    const streamOpened = page.waitForResponse((r) => r.url().endsWith("/api/v1/events") && r.ok());
    await page.goto(`${baseUrl}/agreement/compliance`);
    const table = page.getByRole("table", { name: "Acknowledgements" });
    await table.getByRole("row", { name: /Kenji Sato pending/ }).waitFor();
    await streamOpened;
    let reloads = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) reloads += 1;
    });

    await apiCall(kenji.page.request, baseUrl, "POST", "/agreement/acknowledgements", { version: 1 });

    const kenjiAcknowledged = table.getByRole("row", { name: /Kenji Sato Acknowledged/ });
    await expect.poll(() => kenjiAcknowledged.count(), { timeout: 2000 }).toBe(1);
    expect(reloads).toBe(0);
  });

  it("closes the stream on sign-out", async () => {
    const { page } = e2e;
    const isStream = (r: { url(): string }) => r.url().endsWith("/api/v1/events");
    // A stream that ends from the client's side is a failed (aborted) request to the browser.
    const closed = Promise.race([
      page.waitForEvent("requestfailed", isStream),
      page.waitForEvent("requestfinished", isStream),
    ]);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
    await closed;
  });
});
