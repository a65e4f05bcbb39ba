import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, type Rules } from "../../contracts/agreement";
import { diffLines, diffRules } from "./diff";

const rules = (overrides: Partial<Rules> = {}): Rules => ({ ...DEFAULT_RULES, ...overrides });

describe("diffRules", () => {
  it("finds nothing between equal rules, nor when lists are only reordered or repeated", () => {
    expect(diffRules(rules(), rules())).toEqual([]);
    const reordered = rules({
      mustBeLive: [...DEFAULT_RULES.mustBeLive].reverse(),
      preferAsync: ["announcement", "status_update", "announcement"],
    });
    expect(diffRules(rules(), reordered)).toEqual([]);
  });

  it("lists each changed rule once, in schema order, with values in words", () => {
    const after = rules({
      mustBeLive: [...DEFAULT_RULES.mustBeLive, "decision"],
      sensitiveIsLive: false,
      replyWithinWorkingHours: { urgent: 1, normal: 8, low: 24 },
      notificationHours: { start: "08:00", end: "18:00" },
      meetingBudget: { weeklyHours: 10, dailyHours: 4 },
      noMeetingDays: ["fri", "wed"],
      focus: { minDailyHours: 2, window: { start: "09:00", end: "11:00" } },
      maxAttendees: 1,
    });
    expect(diffRules(rules(), after)).toEqual([
      {
        rule: "mustBeLive",
        from: "one-to-one, performance review, conflict resolution, incident, hiring debrief",
        to: "one-to-one, performance review, conflict resolution, incident, hiring debrief, decision meeting",
      },
      { rule: "sensitiveIsLive", from: "yes", to: "no" },
      { rule: "replyWithinWorkingHours.urgent", from: "2 working hours", to: "1 working hour" },
      { rule: "notificationHours", from: "each person's working hours", to: "08:00–18:00" },
      { rule: "meetingBudget.weeklyHours", from: "15 hours", to: "10 hours" },
      { rule: "noMeetingDays", from: "none", to: "Wednesday, Friday" },
      { rule: "focus.window", from: "none", to: "09:00–11:00" },
      { rule: "maxAttendees", from: "12 people", to: "1 person" },
    ]);
  });

  it("describes emptied lists and numeric rules in both directions", () => {
    const before = rules({ preferAsync: [], maxMeetingMinutes: 30, agendaRequiredHoursBefore: 1 });
    expect(diffRules(before, rules())).toEqual([
      { rule: "preferAsync", from: "none", to: "status update, announcement" },
      { rule: "agendaRequiredHoursBefore", from: "1 hour", to: "24 hours" },
      { rule: "maxMeetingMinutes", from: "30 minutes", to: "60 minutes" },
    ]);
  });
});

describe("diffLines", () => {
  it("finds nothing between equal texts", () => {
    expect(diffLines("# Title\n\nOne.\nTwo.", "# Title\n\nOne.\nTwo.")).toEqual([]);
  });

  it("lists removed and added lines in reading order, leaving unchanged and blank lines out", () => {
    const before = "# Disconnect\n\nNo email after 18:00.\nWeekends are off.\n\nAsk your lead.";
    const after =
      "# Disconnect\n\nNo email after 19:00.\nWeekends are off.\n\nAsk your lead.\n\nCall only for incidents.";
    expect(diffLines(before, after)).toEqual([
      { change: "removed", line: "No email after 18:00." },
      { change: "added", line: "No email after 19:00." },
      { change: "added", line: "Call only for incidents." },
    ]);
  });

  it("keeps a moved block's common lines and reports the rest", () => {
    expect(diffLines("a\nb\nc\nd", "a\nc\nd\nb")).toEqual([
      { change: "removed", line: "b" },
      { change: "added", line: "b" },
    ]);
  });

  it("stays bounded on very long texts: the changed middle is removed, then added", () => {
    const before = Array.from({ length: 1500 }, (_, i) => `old ${i}`).join("\n");
    const after = Array.from({ length: 1500 }, (_, i) => `new ${i}`).join("\n");
    const changes = diffLines(`same\n${before}\nend`, `same\n${after}\nend`);
    expect(changes).toHaveLength(3000);
    expect(changes[0]).toEqual({ change: "removed", line: "old 0" });
    expect(changes[1500]).toEqual({ change: "added", line: "new 0" });
  });
});
