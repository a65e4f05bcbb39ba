import type { AskedQuestion, QuestionView, TemplateView } from "../../contracts/checkins";

/**
 * The templates: daily standup, weekly check-in, team health (five pulse items) and the weekly
 * social question (a rotating light question; its answers are shared with the team in the digest).
 */
export const TEMPLATES: readonly TemplateView[] = [];

/**
 * What an occurrence asks: the ritual's questions in order, a rotating prompt chosen for the week of
 * `localDate` (the same for everyone that week, a different one the next).
 */
export function askedQuestions(questions: readonly QuestionView[], localDate: string): AskedQuestion[] {
  void questions;
  void localDate;
  throw new Error("not yet written");
}
