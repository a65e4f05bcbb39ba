import type { AnswerBody } from "../../../../contracts/checkins";
import { type KeptDraft, keptDraft, textOr } from "../../../lib/kept-draft";
import type { AskedQuestion, OccurrenceView } from "../api";

/** One question's answer as typed: text (text, blocker), a value (scale, pulse: 1–5; yes/no), the unblocker. */
export interface AnswerEntry {
  text: string;
  value: number | boolean | null;
  unblockerId: string | null;
  urgent: boolean;
}

/** The answer form as typed, by question id; a question left alone has no entry. */
export interface AnswerDraft {
  answers: Record<string, AnswerEntry>;
}

export const emptyEntry = (): AnswerEntry => ({ text: "", value: null, unblockerId: null, urgent: false });
const emptyDraft = (): AnswerDraft => ({ answers: {} });
const isEmpty = (e: AnswerEntry) => !e.text && e.value === null && !e.unblockerId && !e.urgent;

/** The draft with one question's answer changed; an answer emptied again is forgotten. */
export function withEntry(draft: AnswerDraft, questionId: string, entry: AnswerEntry): AnswerDraft {
  const answers = { ...draft.answers };
  if (isEmpty(entry)) delete answers[questionId];
  else answers[questionId] = entry;
  return { answers };
}

/** What I sent before, to change inside the window. */
export function draftFromAnswers(occurrence: OccurrenceView): AnswerDraft {
  let draft = emptyDraft();
  for (const a of occurrence.answers)
    draft = withEntry(draft, a.questionId, {
      text: a.text ?? "",
      value: a.value,
      unblockerId: a.unblockerId,
      urgent: false,
    });
  return draft;
}

/**
 * The answers to send, in question order: only those given (a blocker's person and urgency go with its
 * text). `questionIds[i]` is the question of `answers[i]`, to put the server's field messages back.
 */
export function toAnswerBody(
  questions: readonly AskedQuestion[],
  draft: AnswerDraft,
): { body: AnswerBody; questionIds: string[] } {
  const answers: AnswerBody["answers"] = [];
  for (const q of questions) {
    const e = draft.answers[q.id];
    if (!e) continue;
    if (q.type === "text" && e.text.trim()) answers.push({ questionId: q.id, text: e.text });
    if (q.type === "blocker" && e.text.trim())
      answers.push({
        questionId: q.id,
        text: e.text,
        ...(e.unblockerId ? { unblockerId: e.unblockerId, urgent: e.urgent } : {}),
      });
    if ((q.type === "scale" || q.type === "pulse" || q.type === "yes_no") && e.value !== null)
      answers.push({ questionId: q.id, value: e.value });
  }
  return { body: { answers }, questionIds: answers.map((a) => a.questionId) };
}

/**
 * What is typed for one occurrence, kept in the browser per person until it is sent, so a reload or a
 * closed tab loses nothing. Each occurrence has its own draft.
 */
export function answerDrafts(occurrenceId: string): KeptDraft<AnswerDraft> {
  return keptDraft<AnswerDraft>(`checkin-answer-${occurrenceId}`, emptyDraft, (kept) => {
    let draft = emptyDraft();
    const answers = kept.answers;
    if (!answers || typeof answers !== "object") return draft;
    for (const [id, value] of Object.entries(answers as Record<string, unknown>)) {
      if (!value || typeof value !== "object") continue;
      const e = value as Record<string, unknown>;
      draft = withEntry(draft, id, {
        text: textOr(e.text),
        value: typeof e.value === "number" || typeof e.value === "boolean" ? e.value : null,
        unblockerId: typeof e.unblockerId === "string" ? e.unblockerId : null,
        urgent: e.urgent === true,
      });
    }
    return draft;
  });
}
