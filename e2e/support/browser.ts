import { mkdir, mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { loadConfig } from "../../src/server/config";
import { type Runtime, startRuntime } from "../../src/server/runtime";

export const SCREENSHOTS = join(process.cwd(), "test-results", "screenshots");

export interface E2E {
  baseUrl: string;
  runtime: Runtime;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A real Tandem on a fresh embedded database and Debian's Chromium, which never leaves this machine. */
export async function startE2E(env: Record<string, string> = {}): Promise<E2E> {
  const dataDir = await mkdtemp(join(tmpdir(), "tandem-e2e-"));
  const runtime = await startRuntime(
    loadConfig({ TANDEM_DATA_DIR: dataDir, PORT: "0", TANDEM_LOG_LEVEL: "warn", ...env }),
    { logger: false },
  );
  if (!runtime.app) throw new Error("the e2e runtime needs the HTTP app (TANDEM_ROLE=all)");
  const port = (runtime.app.server.address() as AddressInfo).port;
  const userDataDir = await mkdtemp(join(tmpdir(), "tandem-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.TANDEM_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--proxy-server=127.0.0.1:9",
    ],
    timezoneId: "Asia/Kolkata",
    locale: "en-GB",
    viewport: { width: 1280, height: 860 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    runtime,
    context,
    page,
    async close() {
      await context.close();
      await runtime.stop();
      await rm(dataDir, { recursive: true, force: true });
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** axe's serious and critical violations on the current page (expected: none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
