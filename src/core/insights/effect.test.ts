import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, type Rules } from "../../contracts/agreement";
import { type GroupStats, INSIGHT_METRICS } from "../../contracts/insights";
import { diffRules } from "../agreement";
import { METRIC_DEFINITIONS } from "./definitions";
import { effectSummary, RULE_METRIC } from "./effect";

const s = (median: number) => ({ median, p75: median + 1 });
const before: Partial<GroupStats> = {
  people: 8,
  meetingHours: s(14),
  focusHours: s(6.5),
  afterHoursMeetingHours: s(1.25),
};
const after: Partial<GroupStats> = {
  people: 8,
  meetingHours: s(11.5),
  focusHours: s(9),
  afterHoursMeetingHours: s(0.5),
  replyLatencyHours: s(3),
};

describe("effectSummary", () => {
  it("puts each changed rule beside the median it is meant to move", () => {
    const changes = [
      { rule: "noMeetingDays", from: "none", to: "Wednesday" },
      { rule: "meetingBudget.weeklyHours", from: "15 hours", to: "12 hours" },
      { rule: "notificationHours", from: "each person's working hours", to: "08:00–18:00" },
    ];
    expect(effectSummary(changes, before, after)).toEqual([
      "No-meeting days: none → Wednesday; median focus hours 6.5 → 9.0",
      "Weekly meeting budget per person: 15 hours → 12 hours; median meeting hours 14.0 → 11.5",
      "Notification hours: each person's working hours → 08:00–18:00; median after-hours meeting hours 1.3 → 0.5",
    ]);
  });

  it("gives the change alone for a rule no figure measures, or a figure one side lacks", () => {
    const changes = [
      { rule: "maxAttendees", from: "8 people", to: "6 people" },
      { rule: "replyWithinWorkingHours.normal", from: "8 working hours", to: "4 working hours" },
    ];
    expect(effectSummary(changes, before, after)).toEqual([
      "Most attendees in a meeting: 8 people → 6 people",
      "Reply time for normal requests: 8 working hours → 4 working hours",
    ]);
    expect(effectSummary(changes.slice(0, 1), undefined, undefined)).toEqual([
      "Most attendees in a meeting: 8 people → 6 people",
    ]);
    const empty = { ...before, focusHours: { median: Number.NaN, p75: Number.NaN } };
    expect(effectSummary([{ rule: "noMeetingDays", from: "none", to: "Friday" }], empty, after)).toEqual([
      "No-meeting days: none → Friday",
    ]);
  });

  it("names every rule diffRules reports in words, with real diffs", () => {
    const changed: Rules = {
      mustBeLive: ["incident"],
      preferAsync: [],
      sensitiveIsLive: false,
      informIsAsync: false,
      replyWithinWorkingHours: { urgent: 1, normal: 4, low: 16 },
      notificationHours: { start: "08:00", end: "18:00" },
      agendaRequiredHoursBefore: 48,
      meetingBudget: { weeklyHours: 12, dailyHours: 3 },
      noMeetingDays: ["wed"],
      focus: { minDailyHours: 3, window: { start: "09:00", end: "12:00" } },
      maxMeetingMinutes: 45,
      maxAttendees: 8,
      escalateAfterComments: 6,
    };
    const changes = diffRules(DEFAULT_RULES, changed);
    expect(changes).toHaveLength(17);
    const lines = effectSummary(changes, before, after);
    for (const [i, line] of lines.entries()) {
      const label = line.split(":")[0] as string;
      expect(label).toMatch(/^[A-Z][a-z -]+$/);
      expect(label).not.toBe(changes[i]?.rule);
    }
    expect(lines).toContain("No-meeting days: none → Wednesday; median focus hours 6.5 → 9.0");
    expect(lines).toContain("Focus window: none → 09:00–12:00; median focus hours 6.5 → 9.0");
    expect(lines).toContain(
      "Daily meeting budget per person: 4 hours → 3 hours; median meeting hours 14.0 → 11.5",
    );
    expect(Object.keys(RULE_METRIC).every((rule) => changes.some((c) => c.rule === rule))).toBe(true);
  });
});

describe("METRIC_DEFINITIONS", () => {
  it("defines every metric in sentences", () => {
    for (const metric of INSIGHT_METRICS) {
      const { definition } = METRIC_DEFINITIONS[metric];
      expect(definition).toMatch(/^[A-Z].{40,}\.$/);
      expect(definition).not.toMatch(/TODO/);
    }
  });
});
