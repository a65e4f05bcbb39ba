import type { AskedQuestion, DigestQuestion } from "../../contracts/checkins";

/** One stored answer, as the digest and pulse summaries read it. */
export interface AnswerFact {
  questionId: string;
  personId: string;
  personName: string;
  text: string | null;
  /** Scale and pulse 1 … 5; yes/no 1 or 0. */
  value: number | null;
  late: boolean;
  /** The person's local date of the occurrence. */
  localDate: string;
}

export interface Thresholds {
  /** Pulse averages and distributions only from this many respondents. */
  minGroupSize: number;
  /** Pulse comments only from this many respondents. */
  minTextGroupSize: number;
}

/**
 * A question's part of a digest: text and blocker answers with their authors; scale average and
 * distribution; yes/no counts; pulse average and distribution only when at least `minGroupSize`
 * answered, its comments (no names, shuffled out of answer order) only from `minTextGroupSize`,
 * else `withheld` says why. Never a pulse answer with a name.
 */
export function summariseQuestion(
  question: AskedQuestion,
  answers: readonly AnswerFact[],
  thresholds: Thresholds,
): DigestQuestion {
  void question;
  void answers;
  void thresholds;
  throw new Error("not yet written");
}

/** The Monday starting the ISO week of a local date (`YYYY-MM-DD`). */
export function weekStart(localDate: string): string {
  void localDate;
  throw new Error("not yet written");
}

export interface PulsePeriod {
  start: string;
  respondents: number;
  average?: number;
  distribution?: number[];
}

/**
 * Weekly pulse periods from pulse answers (all pulse questions of a ritual): respondents = distinct
 * people who answered in that week; `average` (one decimal place… rounded to 2) and `distribution`
 * (counts of 1 … 5) only when respondents ≥ `minGroupSize`. Weeks from `from` to `to` inclusive, each
 * listed even when empty (respondents 0).
 */
export function pulsePeriods(
  answers: readonly AnswerFact[],
  minGroupSize: number,
  from: string,
  to: string,
): PulsePeriod[] {
  void answers;
  void minGroupSize;
  void from;
  void to;
  throw new Error("not yet written");
}

/** One person's weekly pulse averages (their own answers only). */
export function ownPulse(
  answers: readonly AnswerFact[],
  personId: string,
): { start: string; average: number }[] {
  void answers;
  void personId;
  throw new Error("not yet written");
}
