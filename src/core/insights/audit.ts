import type { AuditSuggestion } from "../../contracts/insights";
import { formatFigure, formatShare } from "./format";
import type { AuditVerdict, SeriesFacts } from "./types";

/** The thresholds of each suggestion (shares are 0–1, ratings 1–5). */
export const AUDIT_THRESHOLDS = {
  endBelowRating: 2.5,
  endDeclineShare: 0.5,
  asyncShare: 0.5,
  followAsyncShare: 0.3,
  noOutcomeShare: 0.5,
  longMinutes: 60,
  longBelowRating: 3.5,
} as const;

const T = AUDIT_THRESHOLDS;

/**
 * keep, shorten, make_async or end for a recurring series, with the reasons as sentences: every
 * reason that applies is listed, strongest suggestion first (end > make_async > shorten > keep).
 */
export function auditSeries(facts: SeriesFacts): AuditVerdict {
  const found: [AuditSuggestion, string][] = [
    ...endReasons(facts).map((r): [AuditSuggestion, string] => ["end", r]),
    ...asyncReasons(facts).map((r): [AuditSuggestion, string] => ["make_async", r]),
    ...shortenReasons(facts).map((r): [AuditSuggestion, string] => ["shorten", r]),
  ];
  const first = found[0];
  if (!first) return { suggestion: "keep", reasons: [keepReason(facts)] };
  return { suggestion: first[0], reasons: found.map(([, reason]) => reason) };
}

/** "3 of 5 ratings" when the count is known, else "60% of ratings". */
function countOf(share: number, total: number | undefined, noun: string, verb: string): string {
  if (total === undefined || total <= 0) return `${formatShare(share)} of ${noun}s ${verb}`;
  return `${Math.round(share * total)} of ${total} ${noun}${total === 1 ? "" : "s"} ${verb} (${formatShare(share)})`;
}

function endReasons(f: SeriesFacts): string[] {
  const reasons: string[] = [];
  const average = rating(f);
  if (average !== undefined && average < T.endBelowRating)
    reasons.push(`Attendees rated it ${formatFigure(average)} of 5 on average${ratingsOver(f)}.`);
  if (f.declineShare >= T.endDeclineShare)
    reasons.push(`${capital(countOf(f.declineShare, f.invitations, "invitation", "were declined"))}.`);
  return reasons;
}

function asyncReasons(f: SeriesFacts): string[] {
  const reasons: string[] = [];
  const couldBeAsync = asyncShare(f);
  if (couldBeAsync !== undefined && couldBeAsync >= T.asyncShare)
    reasons.push(`${capital(countOf(couldBeAsync, f.ratingCount, "rating", "said it could be async"))}.`);
  if (f.followAsyncShare >= T.followAsyncShare)
    reasons.push(
      `${capital(countOf(f.followAsyncShare, f.invitations, "invitation", "were answered by following async"))}.`,
    );
  return reasons;
}

function shortenReasons(f: SeriesFacts): string[] {
  const reasons: string[] = [];
  if (f.noOutcomeShare >= T.noOutcomeShare)
    reasons.push(
      `${capital(countOf(f.noOutcomeShare, f.completed, "meeting", "ended with no decision, action item or covered agenda item"))}.`,
    );
  const average = rating(f);
  if (f.durationMinutes >= T.longMinutes && average !== undefined && average < T.longBelowRating)
    reasons.push(
      `It lasts ${f.durationMinutes} minutes and is rated ${formatFigure(average)} of 5${ratingsOver(f)}: a shorter meeting may do.`,
    );
  return reasons;
}

function keepReason(f: SeriesFacts): string {
  const average = rating(f);
  const rated = average === undefined ? "not rated enough yet" : `rated ${formatFigure(average)} of 5`;
  return `It looks worth its time: ${rated}, ${formatShare(f.declineShare)} of invitations declined, ${formatShare(f.noOutcomeShare)} of meetings without an outcome.`;
}

/** Ratings count from 3 (as a meeting's own rating): fewer say nothing. */
const MIN_RATINGS = 3;
const enoughRatings = (f: SeriesFacts) => f.ratingCount === undefined || f.ratingCount >= MIN_RATINGS;
const rating = (f: SeriesFacts) => (enoughRatings(f) ? f.ratingAverage : undefined);
const asyncShare = (f: SeriesFacts) => (enoughRatings(f) ? f.couldBeAsyncShare : undefined);

const ratingsOver = (f: SeriesFacts) => (f.ratingCount ? ` over ${f.ratingCount} ratings` : "");
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
