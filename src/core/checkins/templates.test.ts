import { describe, expect, it } from "vitest";
import { type QuestionView, questionBody, TEMPLATE_IDS, templateView } from "../../contracts/checkins";
import { askedQuestions, TEMPLATES } from "./templates";

const template = (id: string) => {
  const found = TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
};
/** A template's questions as a ritual stores them (ids and positions given). */
const asStored = (id: string): QuestionView[] =>
  template(id).questions.map((q, i) => ({
    id: `${id}-${i}`,
    type: q.type,
    prompt: q.prompt,
    options: q.options ?? null,
    unblockerPrompt: q.unblockerPrompt ?? null,
    rotatingPrompts: q.rotatingPrompts ?? null,
    position: (i + 1) * 10,
  }));

describe("TEMPLATES", () => {
  it("holds the four templates, each valid against the contract", () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([...TEMPLATE_IDS]);
    for (const t of TEMPLATES) {
      expect(templateView.parse(t)).toEqual(t);
      for (const q of t.questions) expect(questionBody.safeParse(q).success).toBe(true);
      expect(t.description.length).toBeGreaterThan(40);
    }
  });

  it("schedules each as the issue says", () => {
    expect(template("daily_standup")).toMatchObject({
      schedule: { days: ["mon", "tue", "wed", "thu", "fri"], localTime: "09:30" },
      windowHours: 24,
      reminder: true,
    });
    expect(template("weekly_checkin")).toMatchObject({
      schedule: { days: ["fri"], localTime: "start_of_day" },
      windowHours: 72,
    });
    expect(template("team_health")).toMatchObject({
      schedule: { days: ["mon"], localTime: "start_of_day" },
      windowHours: 96,
    });
    expect(template("social_question")).toMatchObject({
      schedule: { days: ["wed"], localTime: "11:00" },
      windowHours: 48,
    });
  });

  it("asks the standup's four questions, the blocker with who can unblock, the mood as a private pulse", () => {
    expect(template("daily_standup").questions.map((q) => q.type)).toEqual([
      "text",
      "text",
      "blocker",
      "pulse",
    ]);
    expect(template("daily_standup").questions[2]?.unblockerPrompt).toBe("Who can unblock you?");
    expect(template("weekly_checkin").questions.map((q) => q.type)).toEqual([
      "text",
      "text",
      "scale",
      "yes_no",
      "blocker",
    ]);
    const health = template("team_health").questions;
    expect(health).toHaveLength(5);
    for (const q of health) expect(q).toMatchObject({ type: "pulse", options: expect.any(Array) });
  });

  it("gives the social question at least 12 distinct rotating prompts", () => {
    const prompts = template("social_question").questions[0]?.rotatingPrompts ?? [];
    expect(prompts.length).toBeGreaterThanOrEqual(12);
    expect(new Set(prompts).size).toBe(prompts.length);
  });
});

describe("askedQuestions", () => {
  it("asks in position order, whatever the stored order", () => {
    const stored = asStored("daily_standup").reverse();
    const asked = askedQuestions(stored, "2026-06-10");
    expect(asked.map((q) => q.id)).toEqual([
      "daily_standup-0",
      "daily_standup-1",
      "daily_standup-2",
      "daily_standup-3",
    ]);
    expect(asked[2]).toEqual({
      id: "daily_standup-2",
      type: "blocker",
      prompt: "Anything blocking you?",
      options: null,
      unblockerPrompt: "Who can unblock you?",
    });
    expect(stored[0]?.id).toBe("daily_standup-3"); // the caller's list is left as it was
  });

  it("rotates the social prompt week to week, the same for the whole week", () => {
    const stored = asStored("social_question");
    const rotating = stored[0]?.rotatingPrompts ?? [];
    const promptOn = (date: string) => askedQuestions(stored, date)[0]?.prompt;
    // Monday 8 June to Sunday 14 June 2026: one prompt, whichever day a zone calls it.
    expect(new Set(["2026-06-08", "2026-06-10", "2026-06-14"].map(promptOn)).size).toBe(1);
    expect(promptOn("2026-06-15")).not.toBe(promptOn("2026-06-14"));
    // Week index: (8 June 2026 − 5 January 1970) / 7 = 2944 whole weeks.
    expect(promptOn("2026-06-10")).toBe(rotating[2944 % rotating.length]);
    expect(promptOn("2026-06-17")).toBe(rotating[2945 % rotating.length]);
    const year = Array.from({ length: rotating.length }, (_, i) =>
      promptOn(new Date(Date.UTC(2026, 5, 10) + i * 7 * 86_400_000).toISOString().slice(0, 10)),
    );
    expect(new Set(year).size).toBe(rotating.length);
  });
});
