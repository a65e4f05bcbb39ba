/** Fewer answers than this show only how many answered: nobody can work out who said what. */
export const RATING_THRESHOLD = 3;

export interface RatingAnswer {
  /** "Worth it?", 1 to 5. */
  worthIt: number;
  /** "Could this have been async?" */
  couldBeAsync: boolean;
}

export type RatingSummary =
  | { count: number }
  | { count: number; worthItAverage: number; couldBeAsyncShare: number };

const round = (value: number, decimals: number) => {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};

/**
 * What a meeting's ratings show: the count alone below {@link RATING_THRESHOLD} answers, else also
 * the average "worth it" (one decimal) and the share answering "could have been async" (0 to 1, two
 * decimals). Never an individual answer.
 */
export function ratingSummary(answers: readonly RatingAnswer[]): RatingSummary {
  const count = answers.length;
  if (count < RATING_THRESHOLD) return { count };
  const worthIt = answers.reduce((sum, a) => sum + a.worthIt, 0);
  const couldBeAsync = answers.filter((a) => a.couldBeAsync).length;
  return {
    count,
    worthItAverage: round(worthIt / count, 1),
    couldBeAsyncShare: round(couldBeAsync / count, 2),
  };
}
