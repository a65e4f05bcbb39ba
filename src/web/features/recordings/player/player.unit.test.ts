import { describe, expect, it } from "vitest";
import { keepRate, keptRate, type RateStore } from "./speed";
import { placeMarks } from "./timeline";

const memory = (): RateStore & { items: Map<string, string> } => {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
};

describe("the speed kept between videos", () => {
  it("is 1× until one is chosen, then the one chosen", () => {
    const store = memory();
    expect(keptRate(store)).toBe(1);
    keepRate(store, 1.75);
    expect(keptRate(store)).toBe(1.75);
  });

  it("falls back to 1× for a speed the player does not offer, or a storage that refuses", () => {
    const store = memory();
    store.setItem("tandem.playbackRate", "16");
    expect(keptRate(store)).toBe(1);
    const refusing: RateStore = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("full");
      },
    };
    expect(keptRate(refusing)).toBe(1);
    expect(() => keepRate(refusing, 2)).not.toThrow();
    expect(keptRate(undefined)).toBe(1);
  });
});

describe("timed comments along the video", () => {
  const marks = [
    { id: "b", atMs: 90_000, name: "Kenji" },
    { id: "a", atMs: 2_000, name: "Priya" },
  ];

  it("places each at its share of the server's length, earliest first, labelled for screen readers", () => {
    expect(placeMarks(marks, 120_000)).toEqual([
      { id: "a", atMs: 2_000, name: "Priya", fraction: 2_000 / 120_000, label: "Comment by Priya at 0:02" },
      { id: "b", atMs: 90_000, name: "Kenji", fraction: 0.75, label: "Comment by Kenji at 1:30" },
    ]);
  });

  it("keeps a mark past a rounded-down length at the end", () => {
    expect(placeMarks([{ id: "x", atMs: 5_400, name: "Ana" }], 5_000)[0]?.fraction).toBe(1);
  });

  it("places none without a known length (a WebM's Infinity, nothing from the server)", () => {
    expect(placeMarks(marks, null)).toEqual([]);
    expect(placeMarks(marks, Number.POSITIVE_INFINITY)).toEqual([]);
    expect(placeMarks(marks, 0)).toEqual([]);
  });
});
