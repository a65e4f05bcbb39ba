import type { StalledView, UpdateKind } from "../../contracts/updates";
import { plural } from "../agreement/catalog";

/** What stall detection reads of a thread (instants in ms). */
export interface ThreadFacts {
  now: number;
  kind: UpdateKind;
  closed: boolean;
  /** The latest required responder's deadline, if there are required responders. */
  replyBy: number | null;
  /** Required responders who have not answered (comment, acknowledgement or proposal answer). */
  missingAnswers: number;
  /** Comments in order, oldest first. */
  comments: readonly { authorId: string }[];
  /** The agreement's `escalateAfterComments` (default 12). */
  escalateAfterComments: number;
  decisionDue: number | null;
  tally: { agree: number; disagree: number };
  /** Whether a decision is recorded. */
  decided: boolean;
}

/** "The same few people": a back-and-forth has at most this many distinct authors. */
export const BACK_AND_FORTH_MAX_PEOPLE = 3;

/**
 * Whether a thread is stalled, and why (PRODUCT.md C7). A closed or decided thread never is.
 * When several reasons hold, the one that asks most plainly for a meeting is given: a proposal split
 * at its deadline (it needs a decision), then a passed reply-by, then a long back-and-forth.
 * - `split_at_deadline`: a proposal whose `decisionDue` has passed has both agree and disagree answers.
 * - `reply_by_passed`: the reply-by has passed (strictly) and required answers are missing.
 * - `long_back_and_forth`: see `backAndForth`.
 */
export function stallOf(facts: ThreadFacts): StalledView | undefined {
  if (facts.closed || facts.decided) return undefined;
  const { agree, disagree } = facts.tally;
  if (
    facts.kind === "proposal" &&
    facts.decisionDue !== null &&
    facts.now > facts.decisionDue &&
    agree > 0 &&
    disagree > 0
  ) {
    return {
      reason: "split_at_deadline",
      text: `The decision deadline passed with ${agree} agreeing and ${disagree} disagreeing.`,
    };
  }
  if (facts.replyBy !== null && facts.now > facts.replyBy && facts.missingAnswers > 0) {
    return {
      reason: "reply_by_passed",
      text: `The reply-by passed with ${plural(facts.missingAnswers, "answer")} missing.`,
    };
  }
  const people = backAndForth(facts.comments, facts.escalateAfterComments);
  if (people !== undefined) {
    return {
      reason: "long_back_and_forth",
      text: `${plural(facts.comments.length, "comment")} have gone back and forth between the same ${people} people without a decision.`,
    };
  }
  return undefined;
}

/**
 * A long back-and-forth, with N = `limit`: the thread has more than N comments, and its last N + 1
 * comments are written by at most 3 people (`BACK_AND_FORTH_MAX_PEOPLE`), two or more, with the
 * author changing from one comment to the next at least N / 2 times (of the N possible changes) —
 * a conversation going round, not one person's running notes and not a wide discussion where many
 * people each add something. Only the latest N + 1 comments count, so an early wide discussion that
 * narrowed to two people arguing counts too. Answers the number of people, or undefined.
 */
export function backAndForth(comments: readonly { authorId: string }[], limit: number): number | undefined {
  if (comments.length <= limit) return undefined;
  const window = comments.slice(-(limit + 1));
  const authors = new Set(window.map((c) => c.authorId)).size;
  if (authors < 2 || authors > BACK_AND_FORTH_MAX_PEOPLE) return undefined;
  let changes = 0;
  for (let i = 1; i < window.length; i++) if (window[i]?.authorId !== window[i - 1]?.authorId) changes++;
  return changes * 2 >= limit ? authors : undefined;
}
