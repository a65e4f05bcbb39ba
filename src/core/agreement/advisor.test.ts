import { describe, expect, it } from "vitest";
import { type AdviceReason, DEFAULT_RULES, type Rules } from "../../contracts/agreement";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../time";
import { type AdvisorQuestion, advise } from "./advisor";
import type { AdvisorParticipant } from "./next-step";

const AT = Date.UTC(2026, 4, 4, 9); // Monday 4 May 2026, 09:00 UTC
const rules = (overrides: Partial<Rules> = {}): Rules => ({ ...DEFAULT_RULES, ...overrides });

/** Two people whose shared working time in the first week is exactly `sharedMs`. */
function pairSharing(sharedMs: number): AdvisorParticipant[] {
  const always = [{ start: AT, end: AT + 40 * DAY_MS }];
  const sometimes = [
    { start: AT, end: AT + sharedMs },
    { start: AT + 8 * DAY_MS, end: AT + 40 * DAY_MS },
  ].filter((i) => i.end > i.start);
  return [
    { personId: "a", name: "Ada", timeZone: "UTC", working: always },
    { personId: "b", name: "Bo", timeZone: "UTC", working: sometimes },
  ];
}

const ids = (reasons: AdviceReason[]) => reasons.map((r) => r.ruleId);
const PLENTY = 10 * HOUR_MS;

describe("advise: precedence, one row per step (first match wins)", () => {
  const rows: {
    step: string;
    question: AdvisorQuestion;
    shared: number;
    rules?: Partial<Rules>;
    mode: "sync" | "async" | "hybrid";
    reasons: AdviceReason["ruleId"][];
  }[] = [
    {
      step: "1 mustBeLive beats everything, even with no shared time",
      question: { purpose: "inform", kind: "one_to_one", urgency: "low", complexity: "low" },
      shared: 0,
      mode: "sync",
      reasons: ["mustBeLive"],
    },
    {
      step: "1 mustBeLive beats a prefer-async listing of the same kind",
      question: { purpose: "inform", kind: "status_update", sensitivity: "confidential" },
      shared: 0,
      rules: { mustBeLive: ["status_update"] },
      mode: "sync",
      reasons: ["mustBeLive"],
    },
    {
      step: "2 sensitive with S = 0.5 h (boundary) → sync",
      question: { purpose: "feedback", sensitivity: "personal", kind: "status_update" },
      shared: 30 * MINUTE_MS,
      mode: "sync",
      reasons: ["sensitiveIsLive", "overlap"],
    },
    {
      step: "2 sensitive with S just under 0.5 h → hybrid",
      question: { purpose: "discuss", sensitivity: "confidential" },
      shared: 30 * MINUTE_MS - 1,
      mode: "hybrid",
      reasons: ["sensitiveIsLive", "overlap", "replyWithinWorkingHours"],
    },
    {
      step: "2 does not apply when sensitiveIsLive is off",
      question: { purpose: "discuss", sensitivity: "personal" },
      shared: PLENTY,
      rules: { sensitiveIsLive: false },
      mode: "async",
      reasons: ["overlap", "purpose", "replyWithinWorkingHours"],
    },
    {
      step: "3 preferAsync kind",
      question: { purpose: "decide", kind: "announcement", complexity: "high", urgency: "urgent" },
      shared: PLENTY,
      mode: "async",
      reasons: ["preferAsync", "replyWithinWorkingHours"],
    },
    {
      step: "3 inform with informIsAsync",
      question: { purpose: "inform", kind: "planning" },
      shared: PLENTY,
      mode: "async",
      reasons: ["informIsAsync", "replyWithinWorkingHours"],
    },
    {
      step: "3 does not apply to inform when informIsAsync is off",
      question: { purpose: "inform" },
      shared: PLENTY,
      rules: { informIsAsync: false },
      mode: "async",
      reasons: ["overlap", "purpose", "replyWithinWorkingHours"],
    },
    {
      step: "4 S just under 1 h, brainstorm → hybrid",
      question: { purpose: "brainstorm" },
      shared: HOUR_MS - 1,
      mode: "hybrid",
      reasons: ["overlap", "replyWithinWorkingHours"],
    },
    {
      step: "4 S under 1 h, bond → hybrid",
      question: { purpose: "bond", complexity: "low" },
      shared: 0,
      mode: "hybrid",
      reasons: ["overlap", "replyWithinWorkingHours"],
    },
    {
      step: "4 S under 1 h, anything else → async, even urgent and complex",
      question: { purpose: "decide", urgency: "urgent", complexity: "high" },
      shared: 45 * MINUTE_MS,
      mode: "async",
      reasons: ["overlap", "replyWithinWorkingHours"],
    },
    {
      step: "4 S = 1 h (boundary) lets a brainstorm meet",
      question: { purpose: "brainstorm" },
      shared: HOUR_MS,
      mode: "sync",
      reasons: ["overlap", "purpose"],
    },
    {
      step: "5 urgent and complex → sync",
      question: { purpose: "discuss", urgency: "urgent", complexity: "high" },
      shared: HOUR_MS,
      mode: "sync",
      reasons: ["overlap", "urgency"],
    },
    {
      step: "5 needs both: urgent but medium complexity falls through",
      question: { purpose: "discuss", urgency: "urgent", complexity: "medium" },
      shared: PLENTY,
      mode: "async",
      reasons: ["overlap", "purpose", "replyWithinWorkingHours"],
    },
    {
      step: "6 brainstorm → sync",
      question: { purpose: "brainstorm", complexity: "low" },
      shared: PLENTY,
      mode: "sync",
      reasons: ["overlap", "purpose"],
    },
    {
      step: "6 bond → sync",
      question: { purpose: "bond", kind: "social" },
      shared: PLENTY,
      mode: "sync",
      reasons: ["overlap", "purpose"],
    },
    {
      step: "6 decide, complex → hybrid",
      question: { purpose: "decide", complexity: "high", urgency: "low" },
      shared: PLENTY,
      mode: "hybrid",
      reasons: ["overlap", "purpose", "replyWithinWorkingHours"],
    },
    {
      step: "6 discuss, complex → hybrid",
      question: { purpose: "discuss", kind: "decision", complexity: "high" },
      shared: PLENTY,
      mode: "hybrid",
      reasons: ["overlap", "purpose", "replyWithinWorkingHours"],
    },
    {
      step: "6 otherwise async (decide, low)",
      question: { purpose: "decide", complexity: "low" },
      shared: PLENTY,
      mode: "async",
      reasons: ["overlap", "purpose", "replyWithinWorkingHours"],
    },
    {
      step: "6 otherwise async (feedback)",
      question: { purpose: "feedback" },
      shared: PLENTY,
      mode: "async",
      reasons: ["overlap", "purpose", "replyWithinWorkingHours"],
    },
  ];

  it.each(rows)("$step", (row) => {
    const advice = advise(row.question, {
      rules: rules(row.rules),
      participants: pairSharing(row.shared),
      at: AT,
    });
    expect(advice.mode).toBe(row.mode);
    expect(ids(advice.reasons)).toEqual(row.reasons);
    expect(advice.next.async !== undefined).toBe(row.mode !== "sync");
    expect(advice.next.sync !== undefined).toBe(row.mode !== "async");
  });
});

describe("advise: reasons and next steps", () => {
  const ctx = (shared: number, overrides: Partial<Rules> = {}) => ({
    rules: rules(overrides),
    participants: pairSharing(shared),
    at: AT,
  });

  it("cites the rule in plain words, naming the team agreement when it is the source", () => {
    const advice = advise(
      { purpose: "discuss", kind: "one_to_one" },
      { ...ctx(0), sources: { mustBeLive: "team" } },
    );
    expect(advice.reasons[0]?.text).toBe("The team agreement says one-to-ones are always live (mustBeLive).");
    expect(advise({ purpose: "inform" }, ctx(0)).reasons[0]?.text).toBe(
      "The agreement says updates that only inform go async (informIsAsync).",
    );
  });

  it("states S in the overlap reason", () => {
    const short = advise({ purpose: "feedback" }, ctx(59 * MINUTE_MS));
    expect(short.reasons[0]?.text).toMatch(
      /^The participants share 59 minutes of working time in the next 7 days/,
    );
    const none = advise({ purpose: "brainstorm" }, ctx(0));
    expect(none.reasons[0]?.text).toMatch(/share no working time/);
    const plenty = advise({ purpose: "bond" }, ctx(PLENTY + 30 * MINUTE_MS));
    expect(plenty.reasons[0]?.text).toMatch(/share 10 hours 30 minutes of working time/);
  });

  it("suggests 25, 45 and up to 60 minutes by complexity, never above maxMeetingMinutes", () => {
    const length = (complexity: "low" | "medium" | "high", max = 60) =>
      advise({ purpose: "brainstorm", complexity }, ctx(PLENTY, { maxMeetingMinutes: max })).next.sync
        ?.durationMinutes;
    expect([length("low"), length("medium"), length("high")]).toEqual([25, 45, 60]);
    expect(length("high", 120)).toBe(60);
    expect([length("low", 20), length("medium", 30), length("high", 40)]).toEqual([20, 30, 40]);
    const capped = advise(
      { purpose: "brainstorm", complexity: "high" },
      ctx(PLENTY, { maxMeetingMinutes: 40 }),
    );
    expect(ids(capped.reasons)).toEqual(["overlap", "purpose", "maxMeetingMinutes"]);
  });

  it("gives a hybrid both a pre-read reply-by and a shorter meeting", () => {
    const advice = advise({ purpose: "decide", complexity: "high" }, ctx(PLENTY));
    expect(advice.next).toEqual({
      async: {
        replyBy: new Date(AT + 8 * HOUR_MS).toISOString(),
        workingHours: 8,
        recipients: [
          { personId: "a", replyBy: new Date(AT + 8 * HOUR_MS).toISOString() },
          { personId: "b", replyBy: new Date(AT + 8 * HOUR_MS).toISOString() },
        ],
      },
      sync: { durationMinutes: 45 },
    });
  });

  it("takes the reply hours from the urgency, normal when none is given", () => {
    const hours = (urgency?: "urgent" | "normal" | "low") =>
      advise({ purpose: "feedback", urgency }, ctx(PLENTY)).next.async?.workingHours;
    expect([hours("urgent"), hours(), hours("normal"), hours("low")]).toEqual([2, 8, 8, 24]);
  });

  it("refuses to advise with no participants", () => {
    expect(() => advise({ purpose: "inform" }, { rules: rules(), participants: [], at: AT })).toThrow(
      RangeError,
    );
  });
});
