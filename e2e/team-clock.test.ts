import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, setUpThroughApi } from "./support/api";
import { type E2E, screenshot, seriousViolations, startE2E } from "./support/browser";

const DAY_MS = 86_400_000;

/** Every pair of text labels in `selector` whose boxes intersect (by more than half a pixel). */
const OVERLAPS = (selector: string) => {
  const root = document.querySelector(selector);
  if (!root) return ["no chart"];
  const labels = [...root.querySelectorAll("*")].filter((el) =>
    [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== ""),
  );
  const boxes = labels.map((el) => ({ text: el.textContent ?? "", box: el.getBoundingClientRect() }));
  const found: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      const nested = labels[i]?.contains(labels[boxes.indexOf(b)] ?? null);
      if (x > 0.5 && y > 0.5 && !nested) found.push(`${a.text} × ${b.text}`);
    }
  });
  return found;
};

describe("the team clock on a phone", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("names who is off each day and keeps every label apart at 390 px", async () => {
    const { baseUrl } = e2e;
    const { page } = await e2e.newContext({ viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(15_000);
    await setUpThroughApi(page.request, baseUrl, {
      organisation: "Acme Remote",
      name: "Priya Patel",
      email: "priya@example.test",
      password: "correct horse battery",
      timeZone: "Asia/Kolkata",
    });
    const me = await apiCall<{ person: { id: string } }>(page.request, baseUrl, "GET", "/me");
    const add = (name: string, email: string, timeZone: string) =>
      apiCall<{ person: { id: string } }>(page.request, baseUrl, "POST", "/people", {
        name,
        email,
        role: "member",
        timeZone,
      });
    const kenji = (await add("Kenji Sato", "kenji@example.test", "Europe/London")).person;
    const ana = (await add("Ana Lima", "ana@example.test", "America/Sao_Paulo")).person;
    // Ana is away for the three days the clock shows (and around them, whatever the zones).
    await apiCall(page.request, baseUrl, "POST", `/people/${ana.id}/absences`, {
      start: new Date(Date.now() - 2 * DAY_MS).toISOString(),
      end: new Date(Date.now() + 5 * DAY_MS).toISOString(),
      kind: "vacation",
    });
    const { team } = await apiCall<{ team: { id: string } }>(page.request, baseUrl, "POST", "/teams", {
      name: "Platform",
    });
    await apiCall(page.request, baseUrl, "PUT", `/teams/${team.id}/members`, {
      members: [me.person.id, kenji.id, ana.id].map((personId) => ({ personId, role: "member" })),
    });

    await page.goto(`${baseUrl}/team/clock?team=${team.id}`);
    const summary = page.getByTestId("overlap-summary");
    await summary.getByRole("listitem").first().waitFor();
    const sentences = await summary.getByRole("listitem").allTextContents();
    expect(sentences).toHaveLength(3);
    for (const sentence of sentences) {
      expect(sentence).not.toMatch(/No shared hours/);
      expect(sentence).toMatch(/off: .*Ana Lima \((away|weekend)\)/);
      expect(sentence).toMatch(/^(Everyone overlaps|The 2 people working|Only|Nobody works)/);
    }

    await page.getByTestId("team-clock-chart").waitFor();
    expect(await page.evaluate(OVERLAPS, '[data-testid="team-clock-chart"]')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "team-clock-phone");
  });
});
