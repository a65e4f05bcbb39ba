import { describe, expect, it } from "vitest";
import { mentionSnippets, pickMentions } from "../../../../core/updates";
import { insertMention, matchPeople, mentionAt } from "./mention";

const people = [
  { id: "p", name: "Priya Shah" },
  { id: "k", name: "Kenji Sato" },
  { id: "a", name: "Ana Lima" },
  { id: "s", name: "Sam Price" },
];

describe("the mention being typed at the caret", () => {
  it("is the text after an @ that starts a word, up to the caret", () => {
    expect(mentionAt("Thanks @Pr", 10)).toEqual({ start: 7, query: "Pr" });
    expect(mentionAt("@", 1)).toEqual({ start: 0, query: "" });
    // A name has spaces in it: "@Priya Sh" is still being typed.
    expect(mentionAt("(@Priya Sh", 10)).toEqual({ start: 1, query: "Priya Sh" });
    // The caret in the middle of the text: only what lies before it counts.
    expect(mentionAt("Ask @Ke about it", 7)).toEqual({ start: 4, query: "Ke" });
  });

  it("is none in an email address, after a line break, past a space right after @, or far away", () => {
    expect(mentionAt("mail ana@example.com", 20)).toBeNull();
    expect(mentionAt("@Priya\nnext line", 16)).toBeNull();
    expect(mentionAt("@ Priya", 7)).toBeNull();
    expect(mentionAt("no at sign here", 15)).toBeNull();
    expect(mentionAt(`@${"x".repeat(41)}`, 42)).toBeNull();
    // The caret before the @: nothing is being typed.
    expect(mentionAt("hi @Pr", 3)).toBeNull();
  });
});

describe("people matching what was typed", () => {
  it("puts whole-name starts first, then any word of the name, case ignored", () => {
    expect(matchPeople(people, "pr").map((p) => p.id)).toEqual(["p", "s"]);
    expect(matchPeople(people, "SATO").map((p) => p.id)).toEqual(["k"]);
    expect(matchPeople(people, "Priya Sh").map((p) => p.id)).toEqual(["p"]);
    expect(matchPeople(people, "zz")).toEqual([]);
  });

  it("offers everyone by name for a bare @, up to the limit", () => {
    expect(matchPeople(people, "").map((p) => p.name)).toEqual([
      "Ana Lima",
      "Kenji Sato",
      "Priya Shah",
      "Sam Price",
    ]);
    expect(matchPeople(people, "", 2)).toHaveLength(2);
  });
});

describe("choosing a person", () => {
  it("writes the whole name and a space, and puts the caret after it", () => {
    const text = "Thanks @Pr for this";
    const chosen = insertMention(text, { start: 7, query: "Pr" }, 10, "Priya Shah");
    expect(chosen).toEqual({ text: "Thanks @Priya Shah for this", caret: 19 });
    expect(insertMention("@k", { start: 0, query: "k" }, 2, "Kenji Sato")).toEqual({
      text: "@Kenji Sato ",
      caret: 12,
    });
  });

  it("writes what the server reads as a mention of that person", () => {
    const { text } = insertMention("Can you check, @an", { start: 15, query: "an" }, 18, "Ana Lima");
    expect(pickMentions(mentionSnippets(text), people)).toEqual(["a"]);
  });
});
