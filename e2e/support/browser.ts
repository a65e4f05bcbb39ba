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
  /** Another browser with its own cookies (a second person), closed with the rest. */
  newContext(options?: ContextOptions): Promise<Browsing>;
  close(): Promise<void>;
}

export interface ContextOptions {
  timezoneId?: string;
  viewport?: { width: number; height: number };
}

export interface Browsing {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Debian's Chromium in a fresh profile, which never leaves this machine. */
async function launchContext(options: ContextOptions): Promise<Browsing> {
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
      // Always on (harmless elsewhere): a test pattern and a tone for the camera and microphone, allowed without a prompt.
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
    ],
    timezoneId: options.timezoneId ?? "Asia/Kolkata",
    locale: "en-GB",
    // The app honours reduced motion, so axe never measures colours halfway through a fade.
    reducedMotion: "reduce",
    viewport: options.viewport ?? { width: 1280, height: 860 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
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
  const opened: Browsing[] = [];
  const newContext = async (options: ContextOptions = {}) => {
    const browsing = await launchContext(options);
    opened.push(browsing);
    return browsing;
  };
  const { context, page } = await newContext();
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    runtime,
    context,
    page,
    newContext,
    async close() {
      for (const browsing of opened) await browsing.close();
      await runtime.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Where the violation is and, when axe says, why (e.g. the two colours of a contrast failure). */
function describeNode(node: { target: unknown[]; any: { message: string }[] }): string {
  const why = node.any.map((check) => check.message).filter(Boolean);
  return `${node.target.join(" ")}${why.length ? `: ${why.join("; ")}` : ""}`;
}

/** axe's serious and critical violations on the current page (expected: none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map(describeNode).join(", ")})`);
}
