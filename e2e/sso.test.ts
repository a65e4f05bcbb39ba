import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProvider, type TestProvider } from "../test/support/oidc-provider";
import { apiCall, setUpThroughApi } from "./support/api";
import { type E2E, screenshot, seriousViolations, startE2E } from "./support/browser";

/** A port free now, so Tandem's public URL (and so the provider's redirect address) is known before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("single sign-on in a browser, through a local OpenID Connect provider", () => {
  let e2e: E2E;
  let idp: TestProvider;
  beforeAll(async () => {
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    idp = await startProvider(`${publicUrl}/api/v1/auth/sso/callback`);
    e2e = await startE2E({
      PORT: String(port),
      TANDEM_PUBLIC_URL: publicUrl,
      TANDEM_ALLOW_PRIVATE_URLS: "true",
      TANDEM_SECRET_KEY: randomBytes(32).toString("hex"),
    });
  });
  afterAll(async () => {
    await e2e?.close();
    await idp?.close();
  });

  it("an admin sets SSO up; a new person of the domain signs in with the provider's form", async () => {
    const { page, context, baseUrl } = e2e;
    await setUpThroughApi(context.request, baseUrl, {
      organisation: "Acme Remote",
      name: "Priya Patel",
      email: "priya@acme.test",
      password: "correct horse battery",
      timeZone: "Europe/Berlin",
    });
    await apiCall(context.request, baseUrl, "PUT", "/organisation/sso", {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      domains: ["acme.test"],
      required: false,
      justInTime: true,
    });
    await page.goto(`${baseUrl}/settings/organisation`);
    await page.getByRole("heading", { name: "Single sign-on" }).waitFor();
    await page.getByText("Saved — enter a new one to replace it").waitFor();
    expect(await page.content()).not.toContain(idp.clientSecret);
    await screenshot(page, "sso-settings");

    await context.clearCookies();
    idp.accounts.set("dana", { email: "dana@acme.test", emailVerified: true, name: "Dana Diaz" });
    await page.goto(baseUrl);
    await page.getByRole("heading", { name: "Sign in to Tandem" }).waitFor();
    await page.getByLabel("Email").fill("dana@acme.test");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Sign in with SSO" }).click();
    // The provider's own development forms: any login name, then consent.
    await page.locator('input[name="login"]').fill("dana");
    await page.locator('input[name="password"]').fill("anything");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: "Welcome, Dana Diaz" }).waitFor();
    expect(new URL(page.url()).origin).toBe(baseUrl);
    await screenshot(page, "sso-signed-in");
  });

  it("comes back to sign-in with a sentence when the provider's email is not verified", async () => {
    const { page, context, baseUrl } = e2e;
    await context.clearCookies();
    idp.accounts.set("eve", { email: "eve@acme.test", emailVerified: false });
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("Email").fill("eve@acme.test");
    await page.getByRole("button", { name: "Sign in with SSO" }).click();
    await page.locator('input[name="login"]').fill("eve");
    await page.locator('input[name="password"]').fill("anything");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("Your identity provider has not verified your email address").waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
  });
});
