import { describe, expect, it } from "vitest";
import type { AgendaItemView } from "../api";
import { syncDraft } from "./draft";
import { currentItem, formatCountdown, moveItem, secondsLeft } from "./live";

const item = (id: string, position: number, status: "open" | "covered"): AgendaItemView => ({
  id,
  meetingId: "m",
  position,
  title: id,
  ownerId: null,
  minutes: 10,
  outcome: "discuss",
  notes: "",
  status,
  carriedFrom: null,
});

describe("live agenda", () => {
  it("the current item is the first open one in agenda order, none when all are covered", () => {
    const agenda = [item("c", 3, "open"), item("a", 1, "covered"), item("b", 2, "open")];
    expect(currentItem(agenda)?.id).toBe("b");
    expect(currentItem([item("a", 1, "covered")])).toBeUndefined();
  });

  it("counts a time box down and past its end", () => {
    const since = Date.UTC(2030, 0, 1, 9, 0);
    expect(secondsLeft(10, since, since + 5 * 60_000 + 5_000)).toBe(295);
    expect(formatCountdown(295)).toBe("4:55");
    expect(formatCountdown(secondsLeft(10, since, since + 13 * 60_000))).toBe("3:00 over");
    expect(formatCountdown(3720)).toBe("1:02:00");
  });

  it("moves an item and leaves the list unchanged for a move off either end", () => {
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
  });
});

describe("drafts beside live refetches", () => {
  const start = { text: "ours", base: "ours", version: 1 };

  it("an untouched draft follows the server's newer copy", () => {
    expect(syncDraft(start, { text: "theirs", version: 2 })).toEqual({
      text: "theirs",
      base: "theirs",
      version: 2,
    });
  });

  it("typing in progress is kept, still based on the version it started from", () => {
    const typing = { ...start, text: "ours, edited" };
    expect(syncDraft(typing, { text: "theirs", version: 2 })).toBe(typing);
  });
});
