import { describe, expect, it } from "vitest";
import {
  clipIntervals,
  containsInstant,
  intersectIntervals,
  mergeIntervals,
  subtractIntervals,
  totalDuration,
} from "./intervals";
import type { Interval } from "./types";

const iv = (start: number, end: number): Interval => ({ start, end });

describe("mergeIntervals", () => {
  it("sorts, joins overlapping and touching intervals, and drops empty ones", () => {
    const input = [iv(10, 12), iv(1, 3), iv(3, 5), iv(4, 6), iv(8, 8), iv(9, 7), iv(11, 20)];
    expect(mergeIntervals(input)).toEqual([iv(1, 6), iv(10, 20)]);
  });

  it("does not modify its input", () => {
    const input = [iv(5, 6), iv(1, 5)];
    mergeIntervals(input);
    expect(input).toEqual([iv(5, 6), iv(1, 5)]);
  });
});

describe("intersectIntervals", () => {
  it("keeps only common time", () => {
    const a = [iv(0, 10), iv(20, 30), iv(40, 50)];
    const b = [iv(5, 25), iv(28, 45), iv(60, 70)];
    expect(intersectIntervals(a, b)).toEqual([iv(5, 10), iv(20, 25), iv(28, 30), iv(40, 45)]);
  });

  it("treats touching intervals as disjoint and handles empty lists", () => {
    expect(intersectIntervals([iv(0, 5)], [iv(5, 10)])).toEqual([]);
    expect(intersectIntervals([], [iv(0, 5)])).toEqual([]);
  });
});

describe("subtractIntervals", () => {
  it("cuts holes and trims ends", () => {
    const a = [iv(0, 10), iv(20, 30)];
    const b = [iv(2, 3), iv(5, 6), iv(9, 22), iv(29, 40)];
    expect(subtractIntervals(a, b)).toEqual([iv(0, 2), iv(3, 5), iv(6, 9), iv(22, 29)]);
  });

  it("removes fully covered intervals and keeps untouched ones", () => {
    expect(subtractIntervals([iv(0, 10), iv(20, 30)], [iv(0, 10)])).toEqual([iv(20, 30)]);
    expect(subtractIntervals([iv(0, 10)], [])).toEqual([iv(0, 10)]);
    expect(subtractIntervals([iv(5, 10)], [iv(0, 5), iv(10, 15)])).toEqual([iv(5, 10)]);
  });

  it("applies one long subtrahend to several intervals", () => {
    expect(subtractIntervals([iv(0, 10), iv(12, 14), iv(16, 30)], [iv(5, 20)])).toEqual([
      iv(0, 5),
      iv(20, 30),
    ]);
  });
});

describe("totalDuration, clipIntervals, containsInstant", () => {
  it("sums lengths", () => {
    expect(totalDuration([iv(0, 10), iv(20, 25)])).toBe(15);
    expect(totalDuration([])).toBe(0);
  });

  it("clips to a window", () => {
    expect(clipIntervals([iv(0, 10), iv(20, 30), iv(40, 50)], iv(5, 45))).toEqual([
      iv(5, 10),
      iv(20, 30),
      iv(40, 45),
    ]);
    expect(clipIntervals([iv(0, 10)], iv(5, 5))).toEqual([]);
  });

  it("finds instants by binary search, end exclusive", () => {
    const list = [iv(0, 10), iv(20, 30), iv(40, 50)];
    expect([0, 9, 10, 15, 20, 49, 50, -1].map((t) => containsInstant(list, t))).toEqual([
      true,
      true,
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
  });
});
