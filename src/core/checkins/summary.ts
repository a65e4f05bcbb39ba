import type { AskedQuestion, DigestQuestion } from "../../contracts/checkins";
import { dateToEpochDay, epochDayToDate } from "../time";

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

/** The note shown instead of a pulse summary for a group under `size` people. */
export function withheldNote(size: number): string {
  return `Shown for groups of ${size} or more`;
}

/**
 * A question's part of a digest: text and blocker answers with their authors (empty ones skipped);
 * scale average and distribution; yes/no counts; pulse average and distribution only when at least
 * `minGroupSize` answered, its comments (no names, sorted alphabetically so their order says nothing
 * of who answered first) only from `minTextGroupSize`, else `withheld` says why. Never a pulse answer
 * with a name. `respondents` counts the people who answered (a count, never who).
 */
export function summariseQuestion(
  question: AskedQuestion,
  answers: readonly AnswerFact[],
  thresholds: Thresholds,
): DigestQuestion {
  const own = answers.filter((answer) => answer.questionId === question.id);
  const base = { id: question.id, type: question.type, prompt: question.prompt };
  switch (question.type) {
    case "text":
    case "blocker": {
      const written = own.filter((answer) => (answer.text ?? "").trim() !== "");
      return {
        ...base,
        respondents: distinctPeople(written),
        answers: written.map((answer) => ({
          person: { id: answer.personId, name: answer.personName },
          text: answer.text ?? "",
          late: answer.late,
        })),
      };
    }
    case "scale": {
      const values = ratings(own);
      return {
        ...base,
        respondents: distinctPeople(own.filter(hasRating)),
        ...averageAndDistribution(values),
      };
    }
    case "yes_no": {
      const given = own.filter((answer) => answer.value === 0 || answer.value === 1);
      const yes = given.filter((answer) => answer.value === 1).length;
      return { ...base, respondents: distinctPeople(given), yes, no: given.length - yes };
    }
    case "pulse":
      return { ...base, ...pulseSummary(own, thresholds) };
  }
}

/** A pulse question's aggregate: nothing that could name anyone, and nothing below the thresholds. */
function pulseSummary(
  own: readonly AnswerFact[],
  thresholds: Thresholds,
): Pick<DigestQuestion, "respondents" | "average" | "distribution" | "comments" | "withheld"> {
  const answered = own.filter((answer) => hasRating(answer) || (answer.text ?? "").trim() !== "");
  const respondents = distinctPeople(answered);
  if (respondents < thresholds.minGroupSize) {
    return { respondents, withheld: withheldNote(thresholds.minGroupSize) };
  }
  const summary: Pick<DigestQuestion, "respondents" | "average" | "distribution" | "comments"> = {
    respondents,
    ...averageAndDistribution(ratings(own)),
  };
  if (respondents >= thresholds.minTextGroupSize) {
    summary.comments = own
      .map((answer) => (answer.text ?? "").trim())
      .filter((text) => text !== "")
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  return summary;
}

/** The Monday starting the ISO week of a local date (`YYYY-MM-DD`). */
export function weekStart(localDate: string): string {
  const day = dateToEpochDay(localDate);
  // 1970-01-01 was a Thursday: (day + 3) mod 7 counts days since Monday.
  return epochDayToDate(day - ((((day + 3) % 7) + 7) % 7));
}

export interface PulsePeriod {
  start: string;
  respondents: number;
  average?: number;
  distribution?: number[];
}

/**
 * Weekly pulse periods from pulse answers (all pulse questions of a ritual): respondents = distinct
 * people who gave a rating in that week; `average` (rounded to 2 decimals) and `distribution`
 * (counts of 1 … 5) only when respondents ≥ `minGroupSize`. Weeks from the one holding `from` to the
 * one holding `to`, each listed even when empty (respondents 0), so a chart shows the gaps.
 */
export function pulsePeriods(
  answers: readonly AnswerFact[],
  minGroupSize: number,
  from: string,
  to: string,
): PulsePeriod[] {
  const byWeek = groupByWeek(answers.filter(hasRating));
  const periods: PulsePeriod[] = [];
  const last = dateToEpochDay(weekStart(to));
  for (let day = dateToEpochDay(weekStart(from)); day <= last; day += 7) {
    const start = epochDayToDate(day);
    const week = byWeek.get(start) ?? [];
    const respondents = distinctPeople(week);
    periods.push(
      respondents >= minGroupSize && respondents > 0
        ? { start, respondents, ...averageAndDistribution(ratings(week)) }
        : { start, respondents },
    );
  }
  return periods;
}

/** One person's weekly pulse averages (their own answers only), oldest week first. */
export function ownPulse(
  answers: readonly AnswerFact[],
  personId: string,
): { start: string; average: number }[] {
  const byWeek = groupByWeek(answers.filter((answer) => answer.personId === personId && hasRating(answer)));
  return [...byWeek.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([start, week]) => ({ start, average: round2(mean(ratings(week))) }));
}

function groupByWeek(answers: readonly AnswerFact[]): Map<string, AnswerFact[]> {
  const byWeek = new Map<string, AnswerFact[]>();
  for (const answer of answers) {
    const start = weekStart(answer.localDate);
    const week = byWeek.get(start);
    if (week) week.push(answer);
    else byWeek.set(start, [answer]);
  }
  return byWeek;
}

/** A rating of 1 … 5 (scale and pulse); anything else is not one. */
function hasRating(answer: AnswerFact): boolean {
  return answer.value !== null && Number.isInteger(answer.value) && answer.value >= 1 && answer.value <= 5;
}

function ratings(answers: readonly AnswerFact[]): number[] {
  return answers.filter(hasRating).map((answer) => answer.value as number);
}

/** Average (2 decimals; absent with no ratings) and counts of 1 … 5. */
function averageAndDistribution(values: readonly number[]): { average?: number; distribution: number[] } {
  const distribution = [0, 0, 0, 0, 0];
  for (const value of values) distribution[value - 1] = (distribution[value - 1] ?? 0) + 1;
  return values.length === 0 ? { distribution } : { average: round2(mean(values)), distribution };
}

function distinctPeople(answers: readonly AnswerFact[]): number {
  return new Set(answers.map((answer) => answer.personId)).size;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
