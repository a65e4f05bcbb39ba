import { describe, expect, it } from "vitest";
import { MENTION_SNIPPET, mentionSnippets, pickMentions } from "./mentions";

const people = [
  { id: "ana", name: "Ana" },
  { id: "ana-lima", name: "Ana Lima" },
  { id: "bo", name: "Bo" },
  { id: "zoe", name: "Zoë Ørsted" },
  { id: "jun", name: "李 军" },
  { id: "jose", name: "José" },
];
const mentioned = (markdown: string) => pickMentions(mentionSnippets(markdown), people).sort();

describe("mentionSnippets", () => {
  it("takes the text after each @ at the start, after spaces, punctuation and emphasis", () => {
    expect(mentionSnippets("@Ana hi")).toEqual(["Ana hi"]);
    expect(mentionSnippets("hi @Bo, (@Ana) **@Zoë** _@José_\n@李")).toEqual([
      "Bo, (@Ana) **@Zoë** _@José_\n@李",
      "Ana) **@Zoë** _@José_\n@李",
      "Zoë** _@José_\n@李",
      "José_\n@李",
      "李",
    ]);
  });

  it("does not count e-mail addresses, a bare @ or an @ inside a word or link", () => {
    expect(mentionSnippets("write to ana@example.com or bo@x.org")).toEqual([]);
    expect(mentionSnippets("meet @ noon; see https://example.com/@ana")).toEqual([]);
  });

  it("ignores code spans and fenced code blocks, but not what follows them", () => {
    expect(mentionSnippets("`@Ana` and ``x @Bo` y`` then")).toEqual([]);
    expect(mentionSnippets("```\n@Ana\n```\n~~~js\n@Bo\n~~~\n@Zoë")).toEqual(["Zoë"]);
    expect(mentionSnippets("```\n@Ana never closed")).toEqual([]);
    expect(mentionSnippets("a stray ` and @Bo")).toEqual(["Bo"]);
  });

  it("keeps enough text for the longest name and the character after it", () => {
    const long = "A".repeat(200);
    expect(mentionSnippets(`@${long}! more`)[0]).toHaveLength(MENTION_SNIPPET);
    expect(pickMentions(mentionSnippets(`@${long}!`), [{ id: "long", name: long }])).toEqual(["long"]);
  });
});

describe("pickMentions", () => {
  it("matches whole names, ignoring letter case", () => {
    expect(mentioned("thanks @ana and @BO!")).toEqual(["ana", "bo"]);
  });

  it("prefers the longest name that matches", () => {
    expect(mentioned("@Ana Lima please")).toEqual(["ana-lima"]);
    expect(mentioned("@Ana Li please")).toEqual(["ana"]);
  });

  it("does not match a name followed by a letter, digit or combining mark", () => {
    expect(mentioned("@Anabel and @Bo2 and @Ana\u0301")).toEqual([]);
    expect(mentioned("@Ana's idea, @Bo.")).toEqual(["ana", "bo"]);
  });

  it("matches names with accents and other scripts", () => {
    expect(mentioned("@zoë ørsted and @李 军 and @JOSÉ")).toEqual(["jose", "jun", "zoe"]);
    expect(mentioned("@Zoë")).toEqual([]); // only part of her name
  });

  it("names each person once however often they are mentioned", () => {
    expect(pickMentions(mentionSnippets("@Bo @Bo @bo"), people)).toEqual(["bo"]);
  });

  it("mentions nobody in an e-mail address or code", () => {
    expect(mentioned("ana@example.com `@Bo` ```\n@Ana Lima\n```")).toEqual([]);
  });
});
