import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, type Rules } from "../../../contracts/agreement";
import { describeRules, ruleLabel } from "./rules-text";
import { teamOverride } from "./team-override";

const sentence = (rules: Rules, rule: string) => describeRules(rules).find((l) => l.rule === rule)?.text;

describe("the agreement's rules in words", () => {
  it("states the default agreement in plain sentences", () => {
    expect(sentence(DEFAULT_RULES, "mustBeLive")).toBe(
      "One-to-ones, performance reviews, conflict resolutions, incidents and hiring debriefs are always live.",
    );
    expect(sentence(DEFAULT_RULES, "replyWithinWorkingHours")).toMatch(
      /^Reply within 8 working hours \(normal\), 2 \(urgent\), 24 \(low\)/,
    );
    expect(sentence(DEFAULT_RULES, "maxMeetingMinutes")).toBe("Meetings last at most 60 minutes.");
    expect(sentence(DEFAULT_RULES, "maxAttendees")).toBe("Meetings have at most 12 people.");
    expect(sentence(DEFAULT_RULES, "meetingBudget")).toBe(
      "Each person spends at most 15 hours a week and 4 hours a day in meetings.",
    );
    expect(sentence(DEFAULT_RULES, "noMeetingDays")).toBe("Every working day may have meetings.");
    expect(sentence(DEFAULT_RULES, "escalateAfterComments")).toBe(
      "A thread with more than 12 comments back and forth between the same few people is offered a short meeting.",
    );
    expect(describeRules(DEFAULT_RULES)).toHaveLength(13);
  });

  it("names days, windows and explicit notification hours", () => {
    const rules: Rules = {
      ...DEFAULT_RULES,
      noMeetingDays: ["fri", "wed"],
      focus: { minDailyHours: 1, window: { start: "09:00", end: "11:00" } },
      notificationHours: { start: "08:00", end: "18:00" },
      mustBeLive: [],
    };
    expect(sentence(rules, "noMeetingDays")).toBe("No meetings on Wednesday and Friday.");
    expect(sentence(rules, "focus")).toBe(
      "Everyone keeps at least 1 hour of uninterrupted focus time a day, between 09:00 and 11:00 in their own zone.",
    );
    expect(sentence(rules, "notificationHours")).toMatch(/between 08:00 and 18:00/);
    expect(sentence(rules, "mustBeLive")).toBe("No kind of meeting has to be live.");
  });

  it("labels rule paths as diffs name them", () => {
    expect(ruleLabel("maxMeetingMinutes")).toBe("Longest meeting");
    expect(ruleLabel("replyWithinWorkingHours.urgent")).toBe("Reply time for urgent requests");
    expect(ruleLabel("focus.window")).toBe("Focus window");
    expect(ruleLabel("mustBeLive")).toBe("Always live");
    expect(ruleLabel("meetingBudget")).toBe("Meeting budget");
    expect(ruleLabel("focus.somethingNew")).toBe("Focus time");
    expect(ruleLabel("somethingNew")).toBe("Something new");
  });
});

describe("a team's override", () => {
  it("keeps only what differs from the organisation, lists as additions", () => {
    const effective: Rules = {
      ...DEFAULT_RULES,
      mustBeLive: [...DEFAULT_RULES.mustBeLive, "planning"],
      maxMeetingMinutes: 45,
      notificationHours: { start: "08:00", end: "18:00" },
    };
    expect(teamOverride(effective, DEFAULT_RULES)).toEqual({
      mustBeLive: ["planning"],
      maxMeetingMinutes: 45,
    });
  });

  it("treats objects with keys in another order as equal", () => {
    const org: Rules = {
      ...DEFAULT_RULES,
      focus: { window: { end: "11:00", start: "09:00" }, minDailyHours: 2 },
    };
    const effective: Rules = {
      ...org,
      focus: { minDailyHours: 2, window: { start: "09:00", end: "11:00" } },
    };
    expect(teamOverride(effective, org)).toEqual({});
  });
});
