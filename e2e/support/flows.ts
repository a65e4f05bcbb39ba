import type { Page } from "playwright-core";
import { expect } from "vitest";
import { apiCall } from "./api";
import { type Browsing, type E2E, screenshot, seriousViolations } from "./browser";

export interface Owner {
  organisation: string;
  name: string;
  email: string;
  password: string;
}

/** First-run setup through the pages (a fresh instance opens on them), with the zone the browser reports. */
export async function setUpThroughPages(page: Page, baseUrl: string, owner: Owner): Promise<void> {
  await page.goto(baseUrl);
  await page.getByRole("heading", { name: "Set up Tandem", level: 1 }).waitFor();
  await page.getByLabel("Organisation name").fill(owner.organisation);
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Your email").fill(owner.email);
  await page.getByLabel(/^Password/).fill(owner.password);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await page.getByRole("heading", { name: `Welcome, ${owner.name}` }).waitFor();
}

/** Follows a link of the main navigation (the burger opens it on phones) and waits for the page heading. */
export async function navigate(page: Page, link: string, heading: string | RegExp = link): Promise<void> {
  await page.getByRole("navigation").getByRole("link", { name: link, exact: true }).click();
  await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
}

/** An absolute URL's path and query, to open on the test server whatever public URL the server was given. */
export const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

/** The cast of the meetings browser tests: Priya sets up the organisation in Kolkata, Kenji joins from London. */
export const PRIYA = {
  organisation: "Acme Remote",
  name: "Priya Patel",
  email: "priya@example.test",
  password: "correct horse battery",
  timeZone: "Asia/Kolkata",
};
export const KENJI: Joiner = {
  name: "Kenji Sato",
  email: "kenji@example.test",
  password: "kenji's long password",
  timeZone: "Europe/London",
};

export interface Joiner {
  name: string;
  email: string;
  password: string;
  timeZone: string;
  role?: "member" | "manager" | "admin" | "hr";
}

/**
 * Someone invited by the owner (signed in on `e2e.page`) who accepts in a browser of their own, in
 * their zone: they are signed in there. Answers their person id and their browser.
 */
export async function joinAs(e2e: E2E, joiner: Joiner): Promise<{ id: string; browsing: Browsing }> {
  const { person, invitation } = await apiCall<{ person: { id: string }; invitation: { token: string } }>(
    e2e.page.request,
    e2e.baseUrl,
    "POST",
    "/people",
    { name: joiner.name, email: joiner.email, role: joiner.role ?? "member", timeZone: joiner.timeZone },
  );
  const browsing = await e2e.newContext({ timezoneId: joiner.timeZone });
  const accepted = await browsing.page.request.post(
    `${e2e.baseUrl}/api/v1/invitations/${invitation.token}/accept`,
    { data: { password: joiner.password, timeZone: joiner.timeZone } },
  );
  if (!accepted.ok()) throw new Error(`accept → ${accepted.status()} ${await accepted.text()}`);
  return { id: person.id, browsing };
}

/** A working week of every day, all day: reply-by and notifications then never depend on the hour of the run. */
export const ALL_DAY = Object.fromEntries(
  ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ start: "00:00", end: "24:00" }]]),
);

/** No serious or critical axe violation on the page, and a screenshot named `name`. */
export async function checkPage(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), name).toEqual([]);
  await screenshot(page, name);
}

/** Counts the page's own navigations from now on (a live update must not reload). */
export function navigationsOf(page: Page): { count: number } {
  const seen = { count: 0 };
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) seen.count += 1;
  });
  return seen;
}
