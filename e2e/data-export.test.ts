import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonOf, unzip } from "../test/support/zip";
import { type E2E, startE2E } from "./support/browser";
import { checkPage } from "./support/flows";

/**
 * "Download my data" (issue 17): a person of the demo organisation (its owner, Olivia) opens her
 * settings, asks for her data, sees the job's progress, then a Download link; the file is a ZIP of her
 * rows with a README.
 */
describe("downloading my data in a browser", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E({ TANDEM_RATE_LIMIT: "100000" });
    // "Explore with demo data": seeds Northwind and signs this browser in as Olivia.
    const seeded = await e2e.page.request.post(`${e2e.baseUrl}/api/v1/setup/demo`, { timeout: 170_000 });
    expect(seeded.status()).toBe(201);
    e2e.page.setDefaultTimeout(30_000);
  }, 200_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it("shows progress, then a Download link to a ZIP of her data", async () => {
    const { page, baseUrl } = e2e;
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${baseUrl}/settings/profile`);
    const section = page.getByRole("region", { name: "Your data" });
    await section.getByRole("button", { name: "Download my data" }).click();
    // The job is picked up at the queue's next poll: until then, and while it writes, progress shows.
    await section.getByText(/^Preparing the file… \d+%$/).waitFor();
    // At 0% the bar's filled part has no width, so it is there but not "visible".
    await section.getByRole("progressbar", { name: "Export progress" }).waitFor({ state: "attached" });
    const link = section.getByRole("link", { name: "Download" });
    await link.waitFor({ timeout: 90_000 });
    await section.getByText(/until .+/).waitFor();
    await checkPage(page, "data-export-ready");

    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^tandem-my-data-\d{4}-\d\d-\d\d\.zip$/);
    const zip = readFileSync((await download.path()) ?? "");
    expect(zip.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    const files = await unzip(zip);
    expect(files.get("README.txt")?.toString("utf8")).toMatch(/^Tandem data export/);
    const people = jsonOf(files, "people.json");
    expect(people.map((p) => p.name)).toContain("Olivia Bennett");
    expect(people.every((p) => !("password_hash" in p))).toBe(true);

    // A reload finds the same export again, still downloadable.
    await page.reload();
    await page.getByRole("region", { name: "Your data" }).getByRole("link", { name: "Download" }).waitFor();
    expect(errors).toEqual([]);
  }, 180_000);

  it("lets the owner export the whole organisation and schedule its deletion, then cancel it", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/settings/organisation`);
    const section = page.getByRole("region", { name: "The organisation's data" });
    await section.getByRole("button", { name: "Export all its data" }).click();
    const link = section.getByRole("link", { name: "Download" });
    await link.waitFor({ timeout: 90_000 });
    await section.getByText(/for Northwind/).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const files = await unzip(readFileSync((await download.path()) ?? ""));
    expect(jsonOf(files, "people.json").length).toBeGreaterThan(10);

    await section.getByRole("button", { name: "Delete the organisation" }).click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /^Delete in \d+ days$/ })
      .click();
    await section.getByText("Deletion scheduled").waitFor();
    await checkPage(page, "organisation-deletion-scheduled");
    await section.getByRole("button", { name: "Cancel deletion" }).click();
    await section.getByRole("button", { name: "Delete the organisation" }).waitFor();
  }, 180_000);
});
