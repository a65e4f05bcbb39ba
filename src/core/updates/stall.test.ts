import { describe, expect, it } from "vitest";
import { backAndForth, stallOf, type ThreadFacts } from "./stall";

const NOW = Date.UTC(2030, 0, 7, 12);
const HOUR = 3_600_000;

const facts = (overrides: Partial<ThreadFacts> = {}): ThreadFacts => ({
  now: NOW,
  kind: "question",
  closed: false,
  replyBy: null,
  missingAnswers: 0,
  comments: [],
  escalateAfterComments: 12,
  decisionDue: null,
  tally: { agree: 0, disagree: 0 },
  decided: false,
  ...overrides,
});

/** `count` comments cycling through `authors` in order. */
const alternating = (count: number, authors: string[]) =>
  Array.from({ length: count }, (_, i) => ({ authorId: authors[i % authors.length] ?? "" }));

describe("stallOf: a passed reply-by with answers missing", () => {
  it("is stalled once the reply-by has passed, counting the missing answers", () => {
    expect(stallOf(facts({ replyBy: NOW - HOUR, missingAnswers: 2 }))).toEqual({
      reason: "reply_by_passed",
      text: "The reply-by passed with 2 answers missing.",
    });
    expect(stallOf(facts({ replyBy: NOW - 1, missingAnswers: 1 }))?.text).toBe(
      "The reply-by passed with 1 answer missing.",
    );
  });

  it("is not stalled before or at the reply-by, when everyone answered, or without required responders", () => {
    expect(stallOf(facts({ replyBy: NOW + HOUR, missingAnswers: 2 }))).toBeUndefined();
    expect(stallOf(facts({ replyBy: NOW, missingAnswers: 2 }))).toBeUndefined();
    expect(stallOf(facts({ replyBy: NOW - HOUR, missingAnswers: 0 }))).toBeUndefined();
    expect(stallOf(facts({ replyBy: null, missingAnswers: 0 }))).toBeUndefined();
  });
});

describe("stallOf: a long back-and-forth between the same few people", () => {
  it("is stalled at N + 1 comments between two people, not at exactly N", () => {
    expect(stallOf(facts({ comments: alternating(12, ["ana", "bo"]) }))).toBeUndefined();
    expect(stallOf(facts({ comments: alternating(13, ["ana", "bo"]) }))).toEqual({
      reason: "long_back_and_forth",
      text: "13 comments have gone back and forth between the same 2 people without a decision.",
    });
  });

  it("follows the agreement's N", () => {
    expect(
      stallOf(facts({ escalateAfterComments: 4, comments: alternating(4, ["ana", "bo"]) })),
    ).toBeUndefined();
    expect(
      stallOf(facts({ escalateAfterComments: 4, comments: alternating(5, ["ana", "bo"]) }))?.reason,
    ).toBe("long_back_and_forth");
  });

  it("counts three people as the same few, four as a wide discussion", () => {
    expect(backAndForth(alternating(13, ["ana", "bo", "cy"]), 12)).toBe(3);
    expect(backAndForth(alternating(13, ["ana", "bo", "cy", "di"]), 12)).toBeUndefined();
    expect(stallOf(facts({ comments: alternating(40, ["ana", "bo", "cy", "di"]) }))).toBeUndefined();
  });

  it("looks only at the latest N + 1 comments", () => {
    const wideThenTwo = [...alternating(8, ["cy", "di", "eve", "fay"]), ...alternating(13, ["ana", "bo"])];
    expect(backAndForth(wideThenTwo, 12)).toBe(2);
    // One comment of a fourth person inside the window makes it a wider discussion.
    const interrupted = [...alternating(12, ["ana", "bo"]), { authorId: "cy" }, { authorId: "di" }];
    expect(backAndForth(interrupted, 12)).toBeUndefined();
  });

  it("is not one person's running notes, nor long runs with few replies", () => {
    expect(backAndForth(alternating(30, ["ana"]), 12)).toBeUndefined();
    // 13 comments, N = 12: the author must change at least 6 times of 12.
    // Ana and Bo alternate for the first `changes` changes, then the last of them goes on alone.
    const runs = (changes: number) =>
      Array.from({ length: 13 }, (_, i) => ({ authorId: Math.min(i, changes) % 2 === 0 ? "ana" : "bo" }));
    expect(backAndForth(runs(5), 12)).toBeUndefined();
    expect(backAndForth(runs(6), 12)).toBe(2);
  });
});

describe("stallOf: a proposal split at its deadline", () => {
  const proposal = (overrides: Partial<ThreadFacts>) =>
    facts({ kind: "proposal", decisionDue: NOW - HOUR, tally: { agree: 2, disagree: 1 }, ...overrides });

  it("is stalled when agree and disagree answers stand at the passed deadline", () => {
    expect(stallOf(proposal({}))).toEqual({
      reason: "split_at_deadline",
      text: "The decision deadline passed with 2 agreeing and 1 disagreeing.",
    });
  });

  it("is not before the deadline, with only agree (or only disagree) answers, or for other kinds", () => {
    expect(stallOf(proposal({ decisionDue: NOW + HOUR }))).toBeUndefined();
    expect(stallOf(proposal({ decisionDue: null }))).toBeUndefined();
    expect(stallOf(proposal({ tally: { agree: 3, disagree: 0 } }))).toBeUndefined();
    expect(stallOf(proposal({ tally: { agree: 0, disagree: 2 } }))).toBeUndefined();
    expect(stallOf(proposal({ kind: "question" }))).toBeUndefined();
  });

  it("names the split first when the reply-by has passed too", () => {
    expect(stallOf(proposal({ replyBy: NOW - HOUR, missingAnswers: 1 }))?.reason).toBe("split_at_deadline");
    expect(
      stallOf(facts({ replyBy: NOW - HOUR, missingAnswers: 1, comments: alternating(13, ["a", "b"]) }))
        ?.reason,
    ).toBe("reply_by_passed");
  });
});

describe("stallOf: closed and decided threads", () => {
  const everything: Partial<ThreadFacts> = {
    kind: "proposal",
    replyBy: NOW - HOUR,
    missingAnswers: 3,
    comments: alternating(30, ["ana", "bo"]),
    decisionDue: NOW - HOUR,
    tally: { agree: 1, disagree: 1 },
  };

  it("are never stalled", () => {
    expect(stallOf(facts(everything))).toBeDefined();
    expect(stallOf(facts({ ...everything, decided: true }))).toBeUndefined();
    expect(stallOf(facts({ ...everything, closed: true }))).toBeUndefined();
  });
});
