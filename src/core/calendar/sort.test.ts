import { describe, expect, it } from "vitest";
import { sort } from "./expand";

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const NOW = Date.UTC(2026, 11, 5);
const YEAR = 365 * 86_400_000;

/** Instants as a calendar gives them: whole minutes, seconds or milliseconds, or odd values. */
const SHAPES: Record<string, (r: () => number) => number> = {
  minutes: (r) => NOW + (Math.floor(r() * 2 * 525_600) - 525_600) * 60_000,
  seconds: (r) => NOW + Math.floor(((r() - 0.5) * 2 * YEAR) / 1000) * 1000,
  milliseconds: (r) => NOW + Math.floor((r() - 0.5) * 2 * YEAR),
  "with fractions": (r) => NOW + (r() - 0.5) * YEAR,
  "spanning millennia (beyond 32-bit keys)": (r) => (r() - 0.5) * 1e14,
  "many equal": (r) => NOW + Math.floor(r() * 4) * 3_600_000,
  negative: (r) => -Math.floor(r() * 1e6) * 60_000,
};

describe("sorting busy instants", () => {
  it.each(Object.keys(SHAPES))("orders %s exactly as the native sort does", (shape) => {
    const make = SHAPES[shape] as (r: () => number) => number;
    for (const [seed, n] of [
      [1, 10],
      [2, 257],
      [3, 5000],
      [4, 40_000],
    ] as const) {
      const r = random(seed);
      const values = Float64Array.from({ length: n }, () => make(r));
      const expected = Float64Array.from(values).sort();
      sort(values);
      expect(values).toEqual(expected);
    }
  });

  it("falls back to the native sort for values that are not finite", () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) =>
      i === 500 ? Number.POSITIVE_INFINITY : NOW - i * 60_000,
    );
    const expected = Float64Array.from(values).sort();
    sort(values);
    expect(values).toEqual(expected);
  });
});
