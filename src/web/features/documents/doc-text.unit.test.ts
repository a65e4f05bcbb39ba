import { describe, expect, it } from "vitest";
import { sideOf, wordDiff } from "../../../core/documents";
import { formatDateTime } from "../../lib/time";
import {
  agoText,
  comparedPair,
  diffSides,
  diffSummary,
  editedText,
  filtersFromParams,
  filtersToParams,
  whenText,
} from "./doc-text";

const at = (iso: string) => Date.parse(iso);
const priya = { personId: "p1", name: "Priya Shah" };

describe("how long ago a document was edited", () => {
  const now = at("2025-03-12T12:00:00Z");
  it("counts minutes, hours and days, then gives up after a week", () => {
    expect(agoText("2025-03-12T11:59:30Z", now)).toBe("just now");
    expect(agoText("2025-03-12T11:48:00Z", now)).toBe("12 min ago");
    expect(agoText("2025-03-12T09:00:00Z", now)).toBe("3 h ago");
    expect(agoText("2025-03-11T11:00:00Z", now)).toBe("1 day ago");
    expect(agoText("2025-03-07T12:00:00Z", now)).toBe("5 days ago");
    expect(agoText("2025-03-01T12:00:00Z", now)).toBeNull();
  });

  it("says who edited it, with the date in the viewer's zone past a week", () => {
    expect(editedText({ updatedAt: "2025-03-12T09:00:00Z", updatedBy: priya }, "UTC", now)).toBe(
      "edited 3 h ago by Priya Shah",
    );
    const old = editedText({ updatedAt: "2025-02-01T23:30:00Z", updatedBy: priya }, "Asia/Tokyo", now);
    // 08:30 on 2 Feb in Tokyo, as the app writes dates everywhere.
    expect(old).toBe(`edited ${formatDateTime("2025-02-01T23:30:00Z", "Asia/Tokyo")} by Priya Shah`);
    expect(old).toContain("08:30");
  });
});

describe("when a draft was kept", () => {
  const now = at("2025-03-12T12:00:00Z");
  it("shows the time alone on the viewer's today, and the date otherwise", () => {
    expect(whenText("2025-03-12T09:02:00Z", "UTC", now)).toBe("09:02");
    // 23:30 UTC on the 11th is already the 12th in Tokyo (08:30), and the 12th is today there too.
    expect(whenText("2025-03-11T23:30:00Z", "Asia/Tokyo", now)).toBe("08:30");
    expect(whenText("2025-03-11T23:30:00Z", "UTC", now)).not.toBe("23:30");
    expect(whenText("2025-03-11T23:30:00Z", "UTC", now)).toContain("23:30");
  });
});

describe("the list's filters in the address", () => {
  it("round-trips the tag and team and leaves out what is not chosen", () => {
    const filters = filtersFromParams(new URLSearchParams("tag=handbook&teamId=t1&junk=1"));
    expect(filters).toEqual({ tag: "handbook", teamId: "t1" });
    expect(filtersToParams(filters).toString()).toBe("tag=handbook&teamId=t1");
    expect(filtersToParams({ tag: null, teamId: null }).toString()).toBe("");
    expect(filtersFromParams(new URLSearchParams("tag="))).toEqual({ tag: null, teamId: null });
  });
});

describe("which versions the history compares", () => {
  const versions = [{ version: 3 }, { version: 1 }, { version: 2 }];
  it("compares the previous with the latest by default", () => {
    expect(comparedPair(new URLSearchParams(), versions)).toEqual({ from: 2, to: 3 });
  });
  it("follows the address when it names versions that exist, and ignores others", () => {
    expect(comparedPair(new URLSearchParams("from=1&to=2"), versions)).toEqual({ from: 1, to: 2 });
    expect(comparedPair(new URLSearchParams("from=9&to=x"), versions)).toEqual({ from: 2, to: 3 });
  });
  it("compares a lone version with itself, and nothing without versions", () => {
    expect(comparedPair(new URLSearchParams(), [{ version: 1 }])).toEqual({ from: 1, to: 1 });
    expect(comparedPair(new URLSearchParams(), [])).toBeNull();
  });
});

describe("a diff's two sides", () => {
  it("spells the earlier text on the left and the later on the right", () => {
    const before = "We meet on Tuesdays at ten.";
    const after = "We meet on Thursdays at ten, briefly.";
    const parts = wordDiff(before, after);
    const { before: left, after: right } = diffSides(parts);
    expect(left.map((p) => p.text).join("")).toBe(before);
    expect(right.map((p) => p.text).join("")).toBe(after);
    expect(left.some((p) => p.op === "insert")).toBe(false);
    expect(right.some((p) => p.op === "delete")).toBe(false);
    expect(sideOf(parts, "after")).toBe(after);
  });

  it("counts the words added and removed", () => {
    expect(diffSummary(wordDiff("one two three", "one four five three"))).toBe(
      "2 words added, 1 word removed",
    );
    expect(diffSummary(wordDiff("same", "same"))).toBe("No changes");
    expect(diffSummary(wordDiff("a", "a b"))).toBe("1 word added");
  });
});
