import {
  type CheckinView,
  type CreateCheckinBody,
  type QuestionBody,
  type QuestionType,
  START_OF_DAY,
  type TemplateId,
  type TemplateView,
  type UpdateCheckinBody,
} from "../../../../contracts/checkins";
import { WEEKDAYS, type Weekday } from "../../../../contracts/week";
import type { PreviewBody } from "../api";

/** One question as edited: `key` tells React which row is which while rows move; `id` keeps a saved one. */
export interface QuestionDraft {
  key: string;
  id?: string;
  type: QuestionType;
  prompt: string;
  /** The labels of 1 … 5 (scale and pulse); blank ones are sent only when some are filled. */
  options: string[];
  unblockerPrompt: string;
  /** The social question's weekly prompts, kept as the template gave them. */
  rotatingPrompts?: string[];
}

/** The builder's form as typed. */
export interface BuilderForm {
  templateId: TemplateId | null;
  name: string;
  teamId: string | null;
  participantIds: string[];
  days: Weekday[];
  /** "HH:MM", or "start_of_day" for the start of each person's working day. */
  localTime: string;
  windowHours: number | string;
  reminder: boolean;
  questions: QuestionDraft[];
}

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  text: "Text",
  scale: "Scale 1–5",
  yes_no: "Yes / no",
  blocker: "Blocker",
  pulse: "Pulse (private)",
};

export const DEFAULT_SCALE_LABELS = ["Very low", "Low", "Medium", "High", "Very high"];
export const DEFAULT_PULSE_LABELS = ["Awful", "Bad", "Okay", "Good", "Great"];
export const DEFAULT_UNBLOCKER_PROMPT = "Who can unblock you?";

let next = 0;
/** A row key unique on this page. */
const newKey = () => `q${++next}`;

export function blankQuestion(type: QuestionType = "text"): QuestionDraft {
  return { key: newKey(), type, prompt: "", options: optionsFor(type, []), unblockerPrompt: "" };
}

/** Labels a question of `type` starts with when its type changes: scale and pulse get five. */
function optionsFor(type: QuestionType, current: string[]): string[] {
  if (type === "scale") return current.length === 5 ? current : [...DEFAULT_SCALE_LABELS];
  if (type === "pulse") return current.length === 5 ? current : [...DEFAULT_PULSE_LABELS];
  return [];
}

/** The question with another type: labels for scale and pulse, the unblocker's prompt for blockers. */
export function withType(question: QuestionDraft, type: QuestionType): QuestionDraft {
  return {
    ...question,
    type,
    options: optionsFor(type, question.options),
    unblockerPrompt: type === "blocker" ? question.unblockerPrompt || DEFAULT_UNBLOCKER_PROMPT : "",
    rotatingPrompts: type === "text" ? question.rotatingPrompts : undefined,
  };
}

export function blankForm(): BuilderForm {
  return {
    templateId: null,
    name: "",
    teamId: null,
    participantIds: [],
    days: ["mon", "tue", "wed", "thu", "fri"],
    localTime: "09:30",
    windowHours: 8,
    reminder: true,
    questions: [blankQuestion()],
  };
}

const fromBody = (q: QuestionBody | CheckinView["questions"][number]): QuestionDraft => ({
  key: newKey(),
  ...(q.id ? { id: q.id } : {}),
  type: q.type,
  prompt: q.prompt,
  options: q.options ?? [],
  unblockerPrompt: q.unblockerPrompt ?? "",
  ...(q.rotatingPrompts ? { rotatingPrompts: q.rotatingPrompts } : {}),
});

/** The form filled from a template; who takes part stays as chosen. */
export function formFromTemplate(template: TemplateView, current: BuilderForm): BuilderForm {
  return {
    ...current,
    templateId: template.id,
    name: template.name,
    days: WEEKDAYS.filter((d) => template.schedule.days.includes(d)),
    localTime: template.schedule.localTime,
    windowHours: template.windowHours,
    reminder: template.reminder,
    questions: template.questions.map(fromBody),
  };
}

/** The form of a saved ritual, its questions in order with their ids (so their answers' history stays). */
export function formFromCheckin(checkin: CheckinView): BuilderForm {
  return {
    templateId: checkin.templateId,
    name: checkin.name,
    teamId: checkin.teamId,
    participantIds: checkin.participantIds,
    days: WEEKDAYS.filter((d) => checkin.schedule.days.includes(d)),
    localTime: checkin.schedule.localTime,
    windowHours: checkin.windowHours,
    reminder: checkin.reminder,
    questions: [...checkin.questions].sort((a, b) => a.position - b.position).map(fromBody),
  };
}

/** Moves the question at `index` up (-1) or down (+1); the list is unchanged at either end. */
export function moveQuestion(questions: QuestionDraft[], index: number, by: -1 | 1): QuestionDraft[] {
  const to = index + by;
  if (to < 0 || to >= questions.length) return questions;
  const moved = [...questions];
  [moved[index], moved[to]] = [moved[to] as QuestionDraft, moved[index] as QuestionDraft];
  return moved;
}

function questionToSend(q: QuestionDraft): QuestionBody {
  const body: QuestionBody = { type: q.type, prompt: q.prompt };
  if (q.id) body.id = q.id;
  // Five labels, or none (blank ones sent as typed when some are filled, so the server names them).
  if ((q.type === "scale" || q.type === "pulse") && q.options.some((o) => o.trim())) body.options = q.options;
  if (q.type === "blocker" && q.unblockerPrompt.trim()) body.unblockerPrompt = q.unblockerPrompt;
  if (q.type === "text" && q.rotatingPrompts) body.rotatingPrompts = q.rotatingPrompts;
  return body;
}

/** A number as typed, or the text itself so the server names what is wrong with it. */
const hours = (value: number | string) => (typeof value === "number" ? value : Number(value) || value);

export function scheduleOf(form: BuilderForm) {
  return { days: WEEKDAYS.filter((d) => form.days.includes(d)), localTime: form.localTime };
}

/** What the builder sends to create the ritual (everything given, so the template fills nothing in). */
export function toCreateBody(form: BuilderForm): CreateCheckinBody {
  const body = {
    name: form.name,
    participantIds: form.participantIds,
    schedule: scheduleOf(form),
    windowHours: hours(form.windowHours),
    reminder: form.reminder,
    questions: form.questions.map(questionToSend),
  } as CreateCheckinBody;
  if (form.teamId) body.teamId = form.teamId;
  if (form.templateId) body.templateId = form.templateId;
  return body;
}

/** What the builder sends to change a ritual: questions with ids keep theirs; no team is `null`. */
export function toUpdateBody(form: BuilderForm): UpdateCheckinBody {
  const created = toCreateBody(form);
  return {
    name: created.name,
    teamId: form.teamId ?? null,
    participantIds: created.participantIds,
    schedule: created.schedule,
    windowHours: created.windowHours,
    reminder: created.reminder,
    questions: created.questions,
  };
}

/** The preview's question, or null while nobody takes part or no day is chosen. */
export function previewBodyOf(form: BuilderForm): PreviewBody | null {
  if (form.days.length === 0 || (!form.teamId && form.participantIds.length === 0)) return null;
  const time = form.localTime === START_OF_DAY || /^([01]\d|2[0-3]):[0-5]\d$/.test(form.localTime);
  if (!time) return null;
  const body: PreviewBody = { participantIds: form.participantIds, schedule: scheduleOf(form) };
  if (form.teamId) body.teamId = form.teamId;
  return body;
}
