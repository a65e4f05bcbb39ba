import { describe, expect, it } from "vitest";
import type { CheckinView, TemplateView } from "../../../../contracts/checkins";
import {
  blankForm,
  blankQuestion,
  DEFAULT_UNBLOCKER_PROMPT,
  formFromCheckin,
  formFromTemplate,
  moveQuestion,
  previewBodyOf,
  toCreateBody,
  toUpdateBody,
  withType,
} from "./form";

const standup: TemplateView = {
  id: "daily_standup",
  name: "Daily standup",
  description: "Three questions each morning.",
  schedule: { days: ["fri", "mon", "tue", "wed", "thu"], localTime: "09:30" },
  windowHours: 8,
  reminder: true,
  questions: [
    { type: "text", prompt: "What did you do yesterday?" },
    { type: "blocker", prompt: "Anything blocking you?", unblockerPrompt: "Who can unblock you?" },
  ],
};

describe("the check-in builder's form", () => {
  it("fills from a template, keeping who takes part, days in week order", () => {
    const form = formFromTemplate(standup, { ...blankForm(), teamId: "t1", participantIds: ["p1"] });
    expect(form).toMatchObject({
      templateId: "daily_standup",
      name: "Daily standup",
      teamId: "t1",
      participantIds: ["p1"],
      days: ["mon", "tue", "wed", "thu", "fri"],
      localTime: "09:30",
    });
    expect(toCreateBody(form)).toEqual({
      name: "Daily standup",
      teamId: "t1",
      participantIds: ["p1"],
      templateId: "daily_standup",
      schedule: { days: ["mon", "tue", "wed", "thu", "fri"], localTime: "09:30" },
      windowHours: 8,
      reminder: true,
      questions: [
        { type: "text", prompt: "What did you do yesterday?" },
        { type: "blocker", prompt: "Anything blocking you?", unblockerPrompt: "Who can unblock you?" },
      ],
    });
  });

  it("gives scale and pulse five labels and blockers the unblocker's prompt when the type changes", () => {
    const pulse = withType(blankQuestion(), "pulse");
    expect(pulse.options).toHaveLength(5);
    expect(withType(pulse, "scale").options).toEqual(pulse.options);
    expect(withType(pulse, "text").options).toEqual([]);
    expect(withType(pulse, "blocker").unblockerPrompt).toBe(DEFAULT_UNBLOCKER_PROMPT);
    const sent = toCreateBody({
      ...blankForm(),
      questions: [{ ...pulse, prompt: "How are you?" }],
    }).questions;
    expect(sent?.[0]).toEqual({ type: "pulse", prompt: "How are you?", options: pulse.options });
  });

  it("moves questions up and down, and leaves the ends alone", () => {
    const [a, b, c] = [blankQuestion(), blankQuestion(), blankQuestion()];
    const list = [a, b, c];
    expect(moveQuestion(list, 2, -1)).toEqual([a, c, b]);
    expect(moveQuestion(list, 0, 1)).toEqual([b, a, c]);
    expect(moveQuestion(list, 0, -1)).toBe(list);
    expect(moveQuestion(list, 2, 1)).toBe(list);
  });

  it("keeps saved questions' ids and their order when editing, and sends no team as null", () => {
    const checkin = {
      name: "Standup",
      teamId: null,
      participantIds: ["p1"],
      schedule: { days: ["mon"], localTime: "start_of_day" },
      windowHours: 4,
      reminder: false,
      templateId: null,
      questions: [
        { id: "q2", type: "yes_no", prompt: "Shipped?", options: null, unblockerPrompt: null, position: 1 },
        { id: "q1", type: "text", prompt: "Plans?", options: null, unblockerPrompt: null, position: 0 },
      ],
    } as unknown as CheckinView;
    expect(toUpdateBody(formFromCheckin(checkin))).toEqual({
      name: "Standup",
      teamId: null,
      participantIds: ["p1"],
      schedule: { days: ["mon"], localTime: "start_of_day" },
      windowHours: 4,
      reminder: false,
      questions: [
        { id: "q1", type: "text", prompt: "Plans?" },
        { id: "q2", type: "yes_no", prompt: "Shipped?" },
      ],
    });
  });

  it("asks for a preview only once someone takes part, a day is chosen and the time is one", () => {
    expect(previewBodyOf(blankForm())).toBeNull();
    expect(previewBodyOf({ ...blankForm(), teamId: "t1" })).toEqual({
      teamId: "t1",
      participantIds: [],
      schedule: { days: ["mon", "tue", "wed", "thu", "fri"], localTime: "09:30" },
    });
    expect(previewBodyOf({ ...blankForm(), teamId: "t1", days: [] })).toBeNull();
    expect(previewBodyOf({ ...blankForm(), participantIds: ["p1"], localTime: "9:3" })).toBeNull();
  });
});
