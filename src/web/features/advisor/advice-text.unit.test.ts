import { describe, expect, it } from "vitest";
import { formatDateTime } from "../../lib/time";
import { draftUpdate, isRule, reasonTag, reasonText, replyByLines } from "./advice-text";

describe("the advisor's answer in words", () => {
  it("drops the rule name from the sentence and shows it as a tag", () => {
    const reason = {
      ruleId: "mustBeLive" as const,
      text: "The agreement says one-to-ones are always live (mustBeLive).",
    };
    expect(reasonText(reason)).toBe("The agreement says one-to-ones are always live.");
    expect(reasonTag(reason)).toBe("mustBeLive");
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
