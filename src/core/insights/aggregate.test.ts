import { describe, expect, it } from "vitest";
import { distribution, MEETING_HOURS_BUCKETS, median, percentile, stat } from "./aggregate";
import { differencingPairs } from "./privacy";
import type { Group } from "./types";

describe("percentile, as PostgreSQL's percentile_cont", () => {
  it("interpolates linearly between the closest ranks", () => {
    // SELECT percentile_cont(p) WITHIN GROUP (ORDER BY v) FROM unnest('{1,2,3,4}'::float8[]) v
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(percentile([10, 20, 30, 40, 50], 0.75)).toBe(40);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.25)).toBe(3.25);
  });

  it("does not care about order, takes the ends at 0 and 1, and is NaN for nothing", () => {
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(percentile([5, 3, 9], 0)).toBe(3);
    expect(percentile([5, 3, 9], 1)).toBe(9);
    expect(percentile([7], 0.75)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });

  it("gives the median and p75 rounded to 2 places", () => {
    expect(stat([1, 2, 3, 4])).toEqual({ median: 2.5, p75: 3.25 });
    expect(stat([0, 1 / 3, 2 / 3, 1])).toEqual({ median: 0.5, p75: 0.75 });
    expect(stat([1 / 3, 2 / 3])).toEqual({ median: 0.5, p75: 0.58 });
  });
});

describe("distribution", () => {
  it("counts under each bound and at or above the last", () => {
    const hours = [0, 4.99, 5, 9.5, 10, 15, 19.99, 20, 45];
    expect(distribution(hours, MEETING_HOURS_BUCKETS)).toEqual([2, 2, 1, 2, 2]);
    expect(distribution([], MEETING_HOURS_BUCKETS)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe("differencingPairs", () => {
  const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const group = (key: string, members: string[]): Group => ({ key, label: key, members });
  const team = group("team", people("p", 7));

  it("refuses a team of 7 beside the same team minus 2", () => {
    const minusTwo = group("team-minus-2", people("p", 5));
    expect(differencingPairs([team, minusTwo], 5)).toEqual([[team, minusTwo]]);
  });

  it("allows the same team minus 5: the rest is under the minimum and shows no figures", () => {
    expect(differencingPairs([team, group("rest", people("p", 2))], 5)).toEqual([]);
  });

  it("allows groups that differ by the minimum or more, and refuses one fewer", () => {
    const ten = group("ten", people("p", 10));
    expect(differencingPairs([ten, group("five", people("p", 5))], 5)).toEqual([]);
    const six = group("six", people("p", 6));
    expect(differencingPairs([ten, six], 5)).toEqual([[ten, six]]);
  });

  it("counts the difference both ways", () => {
    // Each has one person the other lacks: 2 people differ.
    const swapped = group("swapped", [...people("p", 6), "q0"]);
    expect(differencingPairs([team, swapped], 5)).toEqual([[team, swapped]]);
    expect(differencingPairs([team, swapped], 2)).toEqual([]);
  });

  it("allows disjoint and identical groups", () => {
    expect(differencingPairs([team, group("other", people("q", 7))], 5)).toEqual([]);
    expect(differencingPairs([team, group("same", [...team.members].reverse())], 5)).toEqual([]);
  });

  it("ignores groups under the minimum, counting each person once", () => {
    const four = group("four", ["p0", "p1", "p2", "p3", "p3", "p3"]);
    const five = group("five", people("p", 5));
    expect(differencingPairs([four, five], 5)).toEqual([]);
    expect(differencingPairs([four, five], 4)).toEqual([[four, five]]);
  });

  it("lists every refused pair once, in the order given", () => {
    const a = group("a", people("p", 8));
    const b = group("b", people("p", 7));
    const c = group("c", people("p", 6));
    expect(differencingPairs([a, b, c], 5).map(([x, y]) => `${x.key}-${y.key}`)).toEqual([
      "a-b",
      "a-c",
      "b-c",
    ]);
  });
});
