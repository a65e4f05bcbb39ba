import type { StalledView, UpdateKind } from "../../contracts/updates";

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

/**
 * Whether a thread is stalled, and why (PRODUCT.md C7): its reply-by passed with required answers
 * missing; or more than `escalateAfterComments` back-and-forth comments between the same few people;
 * or a proposal with both agree and disagree answers at its deadline. A closed or decided thread is not.
 * TODO(issue 12): implemented by the stall helper.
 */
export function stallOf(_facts: ThreadFacts): StalledView | undefined {
  return undefined;
}
