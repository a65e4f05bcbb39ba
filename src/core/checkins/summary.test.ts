import { describe, expect, it } from "vitest";
import type { AskedQuestion } from "../../contracts/checkins";
import {
  type AnswerFact,
  ownPulse,
  pulsePeriods,
  summariseQuestion,
  type Thresholds,
  weekStart,
} from "./summary";

const question = (type: AskedQuestion["type"], id = `q-${type}`): AskedQuestion => ({
  id,
  type,
  prompt: `A ${type} question`,
  options: null,
  unblockerPrompt: null,
});
const answer = (n: number, fact: Partial<AnswerFact>): AnswerFact => ({
  questionId: "q-pulse",
  personId: `person-${n}`,
  personName: `Person Number${n}`,
  text: null,
  value: null,
  late: false,
  localDate: "2026-06-10",
  ...fact,
});
const defaults: Thresholds = { minGroupSize: 5, minTextGroupSize: 10 };
/** `count` pulse answers rated 1, 2, 3, 4, 5, 1, …, each with a comment. */
const pulseAnswers = (count: number) =>
  Array.from({ length: count }, (_, i) => answer(i, { value: (i % 5) + 1, text: `comment ${count - i}` }));

describe("summariseQuestion: pulse, kept private", () => {
  it("withholds the average and distribution from 4 respondents, saying the threshold", () => {
    const summary = summariseQuestion(question("pulse"), pulseAnswers(4), defaults);
    expect(summary).toEqual({
      id: "q-pulse",
      type: "pulse",
      prompt: "A pulse question",
      respondents: 4,
      withheld: "Shown for groups of 5 or more",
    });
  });

  it("shows the average and distribution from 5, but no comments", () => {
    const summary = summariseQuestion(question("pulse"), pulseAnswers(5), defaults);
    expect(summary).toMatchObject({ respondents: 5, average: 3, distribution: [1, 1, 1, 1, 1] });
    expect(summary.comments).toBeUndefined();
    expect(summary.withheld).toBeUndefined();
  });

  it("shows comments only from 10 respondents, in an order that is not the answers' order", () => {
    expect(summariseQuestion(question("pulse"), pulseAnswers(9), defaults).comments).toBeUndefined();
    const summary = summariseQuestion(question("pulse"), pulseAnswers(10), defaults);
    expect(summary.distribution).toEqual([2, 2, 2, 2, 2]);
    expect(summary.comments).toEqual([
      "comment 1",
      "comment 10",
      "comment 2",
      "comment 3",
      "comment 4",
      "comment 5",
      "comment 6",
      "comment 7",
      "comment 8",
      "comment 9",
    ]);
  });

  it("uses the organisation's raised thresholds", () => {
    const raised = { minGroupSize: 7, minTextGroupSize: 12 };
    expect(summariseQuestion(question("pulse"), pulseAnswers(6), raised).withheld).toBe(
      "Shown for groups of 7 or more",
    );
    expect(summariseQuestion(question("pulse"), pulseAnswers(11), raised).comments).toBeUndefined();
    expect(summariseQuestion(question("pulse"), pulseAnswers(12), raised).comments).toHaveLength(12);
  });

  it("never carries a name or a person's id, at any group size", () => {
    for (const count of [1, 4, 5, 10, 20]) {
      const text = JSON.stringify(summariseQuestion(question("pulse"), pulseAnswers(count), defaults));
      expect(text).not.toMatch(/Number\d|person-/);
      expect(text).not.toContain('"answers"');
    }
  });

  it("counts people once and ignores other questions' answers", () => {
    const answers = [
      ...pulseAnswers(5),
      answer(0, { value: 5 }), // a second answer from the same person
      answer(99, { questionId: "q-other", value: 1 }),
    ];
    expect(summariseQuestion(question("pulse"), answers, defaults)).toMatchObject({
      respondents: 5,
      distribution: [1, 1, 1, 1, 2],
      average: 3.33,
    });
  });
});

describe("summariseQuestion: text, blocker, scale and yes/no", () => {
  it("lists text answers with their authors, skipping empty ones", () => {
    const answers = [
      answer(1, { questionId: "q-text", text: "Shipped the report" }),
      answer(2, { questionId: "q-text", text: "   " }),
      answer(3, { questionId: "q-text", text: "Reviewed two PRs", late: true }),
    ];
    expect(summariseQuestion(question("text"), answers, defaults)).toEqual({
      id: "q-text",
      type: "text",
      prompt: "A text question",
      respondents: 2,
      answers: [
        { person: { id: "person-1", name: "Person Number1" }, text: "Shipped the report", late: false },
        { person: { id: "person-3", name: "Person Number3" }, text: "Reviewed two PRs", late: true },
      ],
    });
  });

  it("lists blockers the same way", () => {
    const answers = [answer(1, { questionId: "q-blocker", text: "Waiting for access" })];
    expect(summariseQuestion(question("blocker"), answers, defaults).answers).toEqual([
      { person: { id: "person-1", name: "Person Number1" }, text: "Waiting for access", late: false },
    ]);
  });

  it("averages a scale (2 decimals) and counts each value, with any number of respondents", () => {
    const answers = [1, 2, 2, 5].map((value, i) => answer(i, { questionId: "q-scale", value }));
    expect(summariseQuestion(question("scale"), answers, defaults)).toMatchObject({
      respondents: 4,
      average: 2.5,
      distribution: [1, 2, 0, 0, 1],
    });
    const thirds = [1, 1, 2].map((value, i) => answer(i, { questionId: "q-scale", value }));
    expect(summariseQuestion(question("scale"), thirds, defaults).average).toBe(1.33);
  });

  it("counts yes and no", () => {
    const answers = [1, 0, 1, 1].map((value, i) => answer(i, { questionId: "q-yes_no", value }));
    expect(summariseQuestion(question("yes_no"), answers, defaults)).toMatchObject({
      respondents: 4,
      yes: 3,
      no: 1,
    });
  });
});

describe("weekStart", () => {
  it("gives the Monday of the ISO week, across a year boundary", () => {
    expect(weekStart("2026-06-08")).toBe("2026-06-08"); // Monday
    expect(weekStart("2026-06-14")).toBe("2026-06-08"); // Sunday
    expect(weekStart("2027-01-01")).toBe("2026-12-28"); // Friday
    expect(weekStart("2026-01-01")).toBe("2025-12-29"); // Thursday
    expect(weekStart("2024-03-03")).toBe("2024-02-26"); // Sunday after a leap day
  });
});

describe("pulsePeriods and ownPulse", () => {
  const week = (start: string, values: number[], from = 0) =>
    values.map((value, i) => answer(from + i, { value, localDate: start }));

  it("lists every week from `from` to `to`, empty ones too, with aggregates only at the group size", () => {
    const answers = [
      ...week("2026-12-30", [4, 4, 5, 3, 2]), // week of 28 December: 5 people
      ...week("2027-01-06", [5, 5, 5, 5]), // week of 4 January: 4 people
      answer(0, { value: 1, localDate: "2026-12-31" }), // the same person again that week
    ];
    expect(pulsePeriods(answers, 5, "2026-12-23", "2027-01-17")).toEqual([
      { start: "2026-12-21", respondents: 0 },
      { start: "2026-12-28", respondents: 5, average: 3.17, distribution: [1, 1, 1, 2, 1] },
      { start: "2027-01-04", respondents: 4 },
      { start: "2027-01-11", respondents: 0 },
    ]);
  });

  it("averages a person's own answers by week", () => {
    const answers = [
      answer(1, { value: 2, localDate: "2026-06-08" }),
      answer(1, { value: 3, localDate: "2026-06-10" }),
      answer(2, { value: 5, localDate: "2026-06-10" }),
      answer(1, { value: 4, localDate: "2026-06-01" }),
      answer(1, { value: null, text: "just a note", localDate: "2026-06-15" }),
    ];
    expect(ownPulse(answers, "person-1")).toEqual([
      { start: "2026-06-01", average: 4 },
      { start: "2026-06-08", average: 2.5 },
    ]);
  });
});
