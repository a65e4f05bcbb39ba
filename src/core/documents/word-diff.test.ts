import { describe, expect, it } from "vitest";
import { documentDiff, mergeParts, sideOf, TITLE_BREAK, wordDiff } from "./word-diff";

describe("wordDiff", () => {
  it("marks the changed words, keeping the rest equal", () => {
    expect(wordDiff("The quick brown fox", "The slow brown fox")).toEqual([
      { op: "equal", text: "The " },
      { op: "delete", text: "quick" },
      { op: "insert", text: "slow" },
      { op: "equal", text: " brown fox" },
    ]);
  });

  it("spells each side back from its parts", () => {
    const before = "Ship it on Monday.\n\nThen tell the team, and the customers.";
    const after = "Ship it on Tuesday!\n\nThen tell the whole team.\nDone.";
    const parts = wordDiff(before, after);
    expect(sideOf(parts, "before")).toBe(before);
    expect(sideOf(parts, "after")).toBe(after);
    expect(parts.some((p) => p.op === "delete" && p.text.includes("Monday"))).toBe(true);
    expect(parts.some((p) => p.op === "insert" && p.text.includes("Tuesday"))).toBe(true);
  });

  it("answers one equal part for the same text, and nothing for two empty ones", () => {
    expect(wordDiff("Same words", "Same words")).toEqual([{ op: "equal", text: "Same words" }]);
    expect(wordDiff("", "")).toEqual([]);
  });

  it("answers one insert from nothing and one delete to nothing", () => {
    expect(wordDiff("", "New text")).toEqual([{ op: "insert", text: "New text" }]);
    expect(wordDiff("Old text", "")).toEqual([{ op: "delete", text: "Old text" }]);
  });

  it("never has two neighbours of the same op", () => {
    const parts = wordDiff("a b c d e f g h", "a x c y e z g w");
    for (let i = 1; i < parts.length; i += 1) expect(parts[i]?.op).not.toBe(parts[i - 1]?.op);
  });

  it("gives up past its edit bound: the old text deleted, the new inserted", () => {
    const before = Array.from({ length: 400 }, (_, i) => `old${i}`).join(" ");
    const after = Array.from({ length: 400 }, (_, i) => `new${i}`).join(" ");
    expect(wordDiff(before, after, { maxEditLength: 50, timeoutMs: 10_000 })).toEqual([
      { op: "delete", text: before },
      { op: "insert", text: after },
    ]);
    // Within the bound the same pair is diffed word by word.
    expect(wordDiff(before, after, { maxEditLength: 10_000, timeoutMs: 10_000 }).length).toBeGreaterThan(2);
  });

  it("answers a huge, wholly different pair quickly under the default bounds", () => {
    const words = (prefix: string) => Array.from({ length: 60_000 }, (_, i) => `${prefix}${i}`).join(" ");
    const before = words("alpha");
    const after = words("beta");
    const started = Date.now();
    const parts = wordDiff(before, after);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(sideOf(parts, "before")).toBe(before);
    expect(sideOf(parts, "after")).toBe(after);
  });
});

describe("documentDiff", () => {
  it("is the body's diff when the titles are the same", () => {
    expect(documentDiff({ title: "Plan", body: "one two" }, { title: "Plan", body: "one three" })).toEqual([
      { op: "equal", text: "one " },
      { op: "delete", text: "two" },
      { op: "insert", text: "three" },
    ]);
  });

  it("starts with the title's diff and a blank line when the titles differ", () => {
    const parts = documentDiff(
      { title: "Old plan", body: "Same body" },
      { title: "New plan", body: "Same body" },
    );
    expect(parts).toEqual([
      { op: "delete", text: "Old" },
      { op: "insert", text: "New" },
      { op: "equal", text: ` plan${TITLE_BREAK}Same body` },
    ]);
    expect(sideOf(parts, "before")).toBe(`Old plan${TITLE_BREAK}Same body`);
  });
});

describe("mergeParts", () => {
  it("joins neighbours of the same op and drops empty parts", () => {
    expect(
      mergeParts([
        { op: "equal", text: "a" },
        { op: "equal", text: "b" },
        { op: "insert", text: "" },
        { op: "equal", text: "c" },
        { op: "delete", text: "d" },
      ]),
    ).toEqual([
      { op: "equal", text: "abc" },
      { op: "delete", text: "d" },
    ]);
  });
});
