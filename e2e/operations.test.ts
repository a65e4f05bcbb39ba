import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_OWNER } from "../src/server/modules/demo";
import { backups } from "../src/server/modules/operations";
import { sendEmailJob } from "../src/server/modules/outbox";
import { apiCall } from "./support/api";
import { type E2E, startE2E } from "./support/browser";
import { checkPage, navigate } from "./support/flows";

/** The operations page (issue 17) as the demo owner Olivia, an admin: the figures, the last backup and a retry. */
describe("operations page", () => {
  let e2e: E2E;
  let failedJobId: string;
  const takenAt = new Date("2026-07-01T21:30:00Z"); // 22:30 in London (BST), Olivia's zone

  beforeAll(async () => {
    e2e = await startE2E({ TANDEM_RATE_LIMIT: "100000" });
    const { page, baseUrl } = e2e;
    page.setDefaultTimeout(20_000);
    const seeded = await page.request.post(`${baseUrl}/api/v1/setup/demo`, { timeout: 170_000 });
    expect(seeded.status()).toBe(201);
    const { organisation } = await apiCall<{ organisation: { id: string } }>(
      page.request,
      baseUrl,
      "GET",
      "/me",
    );
    const { deps } = e2e.runtime;
    await deps.db
      .insert(backups)
      .values({ takenAt, bytes: 7_000_000, databaseKind: "pglite", via: "cli", tandemVersion: "0.1.0" });
    // A job of Olivia's organisation that failed for good (written failed as it is queued).
    failedJobId = await deps.db.transaction(async (tx) => {
      const id = await deps.jobs.send(tx, sendEmailJob, {
        emailId: randomUUID(),
        organisationId: organisation.id,
      });
      await tx.execute(
        sql`update pgboss.job set state = 'failed', completed_on = now(), output = '{"reason":"SMTP said no"}'::jsonb where id = ${id}::uuid`,
      );
      return id;
    });
  }, 200_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it("shows each figure with a sentence, the last backup in the viewer's zone, and retries a failed job", async () => {
    const { page, baseUrl } = e2e;
    expect(DEMO_OWNER.timeZone).toBe("Europe/London");
    await page.goto(`${baseUrl}/settings/audit`);
    await page.getByRole("heading", { name: "Audit log", level: 1 }).waitFor();
    await navigate(page, "Operations");
    await page
      .getByText(/^Tandem \d+\.\d+\.\d+ on the embedded database, which holds [\d.]+ MB\.$/)
      .waitFor();
    await page.getByText(/^Last backup: .*22:30.*\.$|^Last backup: .*10:30\s?pm.*\.$/i).waitFor();
    await page.getByText("How to back up:", { exact: false }).waitFor();
    await page.getByText(/^No mail server is configured/).waitFor();
    await page.getByText(/^\d+ active, \d+ failing, \d+ turned off after failing\.$/).waitFor();
    await page.getByText(/^\d+ waiting to run, [1-9]\d* failed\.$/).waitFor();
    const table = page.getByRole("table", { name: "Failed jobs" });
    const row = table.getByRole("row").filter({ hasText: "SMTP said no" });
    await row.waitFor();
    await checkPage(page, "operations");

    await row.getByRole("button", { name: /^Retry send-email/ }).click();
    await page.getByText("The job will run again").waitFor();
    await expect.poll(() => row.count()).toBe(0);
    const state = (await e2e.runtime.deps.db.execute(
      sql`select state from pgboss.job where id = ${failedJobId}::uuid`,
    )) as unknown as { rows: { state: string }[] };
    expect(["retry", "active", "completed"]).toContain(state.rows[0]?.state);
  });
});
