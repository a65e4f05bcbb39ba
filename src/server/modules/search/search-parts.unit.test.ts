import { describe, expect, it } from "vitest";
import { decodeSearchCursor, encodeSearchCursor } from "./search-cursor";
import { searchWords } from "./search-words";
import { MARK_STOP as E, markSnippet, MARK_START as S } from "./snippet";

describe("markSnippet", () => {
  it("escapes the text and turns only the sentinels into marks", () => {
    expect(markSnippet(`a <b>&"x" ${S}kumquat${E} 'y'`)).toBe(
      "a &lt;b&gt;&amp;&quot;x&quot; <mark>kumquat</mark> &#39;y&#39;",
    );
  });

  it("balances the marks and collapses whitespace", () => {
    expect(markSnippet(`${E}one ${S}two${S} three`)).toBe("one <mark>two three</mark>");
    expect(markSnippet(` a\n\n b ${S}${E}`)).toBe("a b");
  });
});

describe("searchWords", () => {
  it("takes plain words as title prefixes and keeps phrases and exclusions for them too", () => {
    expect(searchWords("Roadm plan-B")).toEqual({ prefix: "roadm:*A & plan:*A & b:*A", rest: "" });
    expect(searchWords('roadm "big fox" -cat')).toEqual({ prefix: "roadm:*A", rest: '"big fox" -cat' });
  });

  it("gives no prefix match for or, nor for phrases alone", () => {
    expect(searchWords("ferry or marble").prefix).toBeNull();
    expect(searchWords('"big fox"')).toEqual({ prefix: null, rest: '"big fox"' });
  });

  it("refuses a query without a word to find", () => {
    expect(() => searchWords("!!! ?")).toThrow("q: type a word to search for");
    expect(() => searchWords('-cat -"big dog"')).toThrow(
      "q: type a word to find, not only words to leave out",
    );
  });
});

describe("search cursor", () => {
  it("round-trips a rank exactly", () => {
    const cursor = {
      rank: 0.10000000149011612,
      at: "2024-01-01T00:00:00.123456Z",
      type: "meeting" as const,
      id: "00000000-0000-4000-8000-000000000001",
    };
    expect(decodeSearchCursor(encodeSearchCursor(cursor))).toEqual(cursor);
  });

  it("refuses one it did not give", () => {
    for (const bad of ["", "%%%", Buffer.from('{"r":"x"}').toString("base64url")])
      expect(() => decodeSearchCursor(bad)).toThrow("cursor: is not one this search gave");
  });
});
