import { describe, expect, it } from "vitest";
import { formatDateTime, formatTime } from "../../lib/time";
import { draftUpdate, isRule, reasonTag, reasonText, recipientLines, replyByLines } from "./advice-text";

describe("the advisor's answer in words", () => {
  it("drops the rule name from the sentence and shows it as a tag", () => {
    const reason = {
      ruleId: "mustBeLive" as const,
      text: "The agreement says one-to-ones are always live (mustBeLive).",
    };
    expect(reasonText(reason)).toBe("The agreement says one-to-ones are always live.");
    expect(reasonTag(reason)).toBe("Always live");
    expect(isRule(reason)).toBe(true);
    const fact = { ruleId: "overlap" as const, text: "The participants share 3 hours of working time" };
    expect(isRule(fact)).toBe(false);
    expect(reasonTag(fact)).toBe("shared hours");
  });

  it("gives the reply-by in the viewer's zone and a line per other local time", () => {
    const at = "2026-01-15T11:30:00Z";
    const lines = replyByLines(at, "Asia/Kolkata", [
      { name: "Priya", timeZone: "Asia/Kolkata" },
      { name: "Kenji", timeZone: "Europe/London" },
      { name: "Ana", timeZone: "Europe/Lisbon" },
      { name: "Sam", timeZone: "America/New_York" },
    ]);
    expect(lines.mine).toBe(formatDateTime(at, "Asia/Kolkata"));
    expect(lines.others).toEqual([
      `Kenji, Ana: ${formatDateTime(at, "Europe/London")} their time`,
      `Sam: ${formatDateTime(at, "America/New_York")} their time`,
    ]);
  });

  it("gives each recipient their own reply-by in the viewer's zone, with their clock when it differs", () => {
    const priyaDue = "2026-01-15T11:30:00Z";
    const kenjiDue = "2026-01-15T17:00:00Z";
    const samDue = "2026-01-16T02:00:00Z";
    const people = new Map([
      ["priya", { name: "Priya", timeZone: "Asia/Kolkata" }],
      ["kenji", { name: "Kenji", timeZone: "Europe/London" }],
      ["sam", { name: "Sam", timeZone: "America/New_York" }],
    ]);
    const lines = recipientLines(
      [
        { personId: "priya", replyBy: priyaDue },
        { personId: "kenji", replyBy: kenjiDue },
        { personId: "sam", replyBy: samDue },
        { personId: "away", replyBy: null },
      ],
      { personId: "priya", zone: "Asia/Kolkata" },
      people,
    );
    expect(lines).toEqual([
      `You: reply by ${formatDateTime(priyaDue, "Asia/Kolkata")}`,
      `Kenji: reply by ${formatDateTime(kenjiDue, "Asia/Kolkata")} (${formatTime(kenjiDue, "Europe/London")} their time)`,
      // 07:30 Friday in Kolkata is still Thursday in New York: the date is said.
      `Sam: reply by ${formatDateTime(samDue, "Asia/Kolkata")} (${formatDateTime(samDue, "America/New_York")} their time)`,
      "Someone: no reply-by, not enough working time in the next 30 days",
    ]);
  });

  it("drafts an update with the reply-by", () => {
    const draft = draftUpdate({
      purpose: "decide",
      replyBy: "2026-01-15T11:30:00Z",
      workingHours: 8,
      viewerZone: "Asia/Kolkata",
      participants: [{ name: "Kenji", timeZone: "Europe/London" }],
    });
    expect(draft).toContain("Your choice between");
    expect(draft).toContain(
      `Please reply by ${formatDateTime("2026-01-15T11:30:00Z", "Asia/Kolkata")} (Asia/Kolkata)`,
    );
    expect(draft).toContain("(Kenji: ");
  });
});
