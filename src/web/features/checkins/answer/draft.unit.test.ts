import { describe, expect, it } from "vitest";
import type { DraftStore as DraftStoreForTest } from "../../../lib/kept-draft";
import type { AskedQuestion, OccurrenceView } from "../api";
import { answerDrafts, draftFromAnswers, emptyEntry, toAnswerBody, withEntry } from "./draft";

const questions: AskedQuestion[] = [
  { id: "q1", type: "text", prompt: "Yesterday?", options: null, unblockerPrompt: null },
  { id: "q2", type: "pulse", prompt: "Mood?", options: null, unblockerPrompt: null },
  { id: "q3", type: "yes_no", prompt: "On track?", options: null, unblockerPrompt: null },
  { id: "q4", type: "blocker", prompt: "Blocked?", options: null, unblockerPrompt: "Who can unblock you?" },
];

function memoryStore(): DraftStoreForTest {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe("the answer form's draft", () => {
  it("sends only what was given, in question order, with a blocker's person and urgency", () => {
    let draft = withEntry({ answers: {} }, "q4", {
      ...emptyEntry(),
      text: "Waiting on keys",
      unblockerId: "p9",
      urgent: true,
    });
    draft = withEntry(draft, "q3", { ...emptyEntry(), value: false });
    draft = withEntry(draft, "q1", { ...emptyEntry(), text: "  " });
    draft = withEntry(draft, "q2", { ...emptyEntry(), value: 4 });
    expect(toAnswerBody(questions, draft)).toEqual({
      body: {
        answers: [
          { questionId: "q2", value: 4 },
          { questionId: "q3", value: false },
          { questionId: "q4", text: "Waiting on keys", unblockerId: "p9", urgent: true },
        ],
      },
      questionIds: ["q2", "q3", "q4"],
    });
  });

  it("forgets an answer emptied again, so a form left as it came is not kept", () => {
    const typed = withEntry({ answers: {} }, "q1", { ...emptyEntry(), text: "x" });
    expect(withEntry(typed, "q1", emptyEntry())).toEqual({ answers: {} });
  });

  it("is kept per occurrence and person, and a damaged copy keeps only what is readable", () => {
    const store = memoryStore();
    const kept = answerDrafts("occ-1");
    const draft = withEntry({ answers: {} }, "q2", { ...emptyEntry(), value: 3 });
    kept.save(store, "me", draft);
    expect(kept.load(store, "me")).toEqual(draft);
    expect(kept.load(store, "someone else")).toBeNull();
    expect(answerDrafts("occ-2").load(store, "me")).toBeNull();
    store.setItem(
      kept.key("me"),
      JSON.stringify({ answers: { q1: { text: 5, value: "3" }, q3: { value: true } } }),
    );
    expect(kept.load(store, "me")).toEqual({ answers: { q3: { ...emptyEntry(), value: true } } });
  });

  it("starts from what was sent before, to change inside the window", () => {
    const occurrence = {
      answers: [
        { questionId: "q1", text: "Shipped it", value: null, unblockerId: null, late: false },
        { questionId: "q2", text: null, value: 5, unblockerId: null, late: true },
      ],
    } as unknown as OccurrenceView;
    expect(draftFromAnswers(occurrence)).toEqual({
      answers: { q1: { ...emptyEntry(), text: "Shipped it" }, q2: { ...emptyEntry(), value: 5 } },
    });
  });
});
