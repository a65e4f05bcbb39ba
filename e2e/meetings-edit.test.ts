import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, setUpThroughApi } from "./support/api";
import { type E2E, screenshot, seriousViolations, startE2E } from "./support/browser";
import { joinAs, KENJI, PRIYA } from "./support/flows";

const owner = PRIYA;
const kenji = KENJI;

interface Meeting {
  id: string;
  start: string;
  end: string;
  durationMinutes: number;
  overrides: { reason: string; ruleIds: string[] }[];
}

/**
 * Issue 11, edit and reschedule: the organiser opens Edit from the meeting page, moves the meeting and
 * makes it 90 minutes, which the agreement's 60-minute limit blocks in a sentence; a reason overrides
 * it, only the changed fields are sent, and the meeting page shows the new time.
 */
describe("rescheduling a meeting past the agreement", () => {
  let e2e: E2E;
  let meeting: Meeting;
  // Two days ahead at 09:00 UTC: 14:30 in Priya's Kolkata.
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  beforeAll(async () => {
    e2e = await startE2E();
    const { page, baseUrl } = e2e;
    await setUpThroughApi(page.request, baseUrl, owner);
    const { id: kenjiId } = await joinAs(e2e, kenji);
    ({ meeting } = await apiCall<{ meeting: Meeting }>(page.request, baseUrl, "POST", "/meetings", {
      title: "Roadmap review",
      kind: "planning",
      start: `${day}T09:00:00.000Z`,
      durationMinutes: 30,
      attendees: [{ personId: kenjiId, required: true }],
    }));
  }, 60_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it("moves the meeting to a longer slot with a reason, and its page shows the new time", async () => {
    const { page, baseUrl } = e2e;
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));

    await page.goto(`${baseUrl}/meetings/${meeting.id}`);
    await page.getByRole("heading", { name: "Roadmap review", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Edit or reschedule" }).click();
    await page.getByRole("heading", { name: "Edit Roadmap review", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/meetings/${meeting.id}/edit`);

    // Prefilled from the meeting, on Priya's clock; the form says invitations follow the change.
    const details = page.getByRole("form", { name: "Meeting details" });
    expect(await details.getByRole("textbox", { name: "Title" }).inputValue()).toBe("Roadmap review");
    const start = details.getByLabel("Start (Asia/Kolkata)");
    expect(await start.inputValue()).toBe("14:30");
    expect(await details.getByRole("textbox", { name: "Length (minutes)" }).inputValue()).toBe("30");
    await details.getByText(/everyone invited gets an updated calendar invitation/).waitFor();

    await start.fill("16:00");
    await details.getByRole("textbox", { name: "Length (minutes)" }).fill("90");
    await details.getByRole("button", { name: "Save changes" }).click();

    // 90 minutes breaks the agreement's 60: said in a sentence, with a reason field to go ahead.
    const conflict = page.getByRole("alert").filter({ hasText: "goes against the working agreement" });
    await conflict
      .getByText("The meeting lasts 90 minutes; the agreement allows at most 60 minutes.")
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "meetings-edit-conflict");
    const unchanged = await apiCall<{ meeting: Meeting }>(
      page.request,
      baseUrl,
      "GET",
      `/meetings/${meeting.id}`,
    );
    expect(unchanged.meeting.start).toBe(meeting.start);

    await conflict
      .getByLabel("Why this meeting cannot follow the agreement")
      .fill("The launch plan needs the whole team at once");
    const sent = page.waitForRequest((r) => r.method() === "PATCH");
    await conflict.getByRole("button", { name: "Save it anyway, with this reason" }).click();
    // Only what changed goes to the server.
    expect((await sent).postDataJSON()).toEqual({
      start: `${day}T10:30:00.000Z`,
      durationMinutes: 90,
      override: { reason: "The launch plan needs the whole team at once" },
    });

    // Back on the meeting page: the new time in Priya's zone, and the reason on the meeting.
    // (Waiting for the address, not a heading: the edit page's "Edit Roadmap review" is one too.)
    await page.waitForURL((url) => url.pathname === `/meetings/${meeting.id}`);
    await page.getByRole("heading", { name: "Roadmap review", level: 1, exact: true }).waitFor();
    await page.getByText(/, 16:00–17:30 \(90 min, your time\)$/).waitFor();
    await page.getByText(/The launch plan needs the whole team at once/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const saved = await apiCall<{ meeting: Meeting }>(
      page.request,
      baseUrl,
      "GET",
      `/meetings/${meeting.id}`,
    );
    expect(saved.meeting).toMatchObject({ start: `${day}T10:30:00.000Z`, durationMinutes: 90 });
    expect(saved.meeting.overrides.map((o) => o.ruleIds)).toEqual([["maxMeetingMinutes"]]);
    expect(errors).toEqual([]);
  }, 120_000);
});
