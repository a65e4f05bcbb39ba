import { describe, expect, it } from "vitest";
import { countedUnion, sort, sortedUnion } from "./expand";

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

describe("merging busy periods by counting", () => {
  const HORIZON = { start: NOW - 90 * 86_400_000 + 17_123, end: NOW + 365 * 86_400_000 - 4_321 };

  /** Busy periods as an expansion gives them: on whole `step`s, clipped to the horizon, many touching. */
  function periods(seed: number, n: number, step: number) {
    const r = random(seed);
    const starts = new Float64Array(n);
    const ends = new Float64Array(n);
    const first = Math.ceil(HORIZON.start / step) * step;
    const steps = Math.floor((HORIZON.end - first) / step);
    for (let i = 0; i < n; i++) {
      let start = first + Math.floor(r() * steps) * step;
      let end = start + (1 + Math.floor(r() * 8)) * step;
      const edge = r();
      if (edge < 0.001) start = HORIZON.start; // a period begun before the horizon, clipped
      if (edge > 0.999) end = HORIZON.end; // one going on after it
      if (start < HORIZON.start) start = HORIZON.start;
      if (end > HORIZON.end) end = HORIZON.end;
      if (edge < 0.001) end = Math.min(end, first + step);
      if (edge > 0.999) start = Math.max(start, first + (steps - 1) * step);
      starts[i] = start;
      ends[i] = end;
    }
    return { starts, ends };
  }

  /** The union, the plain way: by start, each joining the last when it overlaps or touches it. */
  function plainUnion(starts: Float64Array, ends: Float64Array) {
    const order = Array.from(starts.keys()).sort((a, b) => (starts[a] as number) - (starts[b] as number));
    const merged: { start: number; end: number }[] = [];
    for (const i of order) {
      const last = merged.at(-1);
      if (last && (starts[i] as number) <= last.end) last.end = Math.max(last.end, ends[i] as number);
      else merged.push({ start: starts[i] as number, end: ends[i] as number });
    }
    return merged;
  }

  it.each([
    ["quarter hours", 900_000],
    ["5 minutes", 300_000],
    ["minutes", 60_000],
  ])("gives on %s what sorting gives, and the plain union", (_, step) => {
    // Counting is taken when the slots (a quarter hour: ~44k over this horizon; a minute: ~655k)
    // are at most 16 per period.
    const slots = (HORIZON.end - HORIZON.start) / step;
    for (const [seed, n] of [
      [5, Math.ceil(slots / 12)],
      [6, Math.ceil(slots / 6)],
    ] as const) {
      const { starts, ends } = periods(seed, n, step);
      const expected = plainUnion(starts, ends);
      expect(expected.length).toBeGreaterThan(1000);
      const counted = countedUnion(starts.slice(), ends.slice(), HORIZON);
      expect(counted).toEqual(expected);
      expect(sortedUnion(starts.slice(), ends.slice())).toEqual(expected);
    }
  });

  it("leaves periods that fall between minutes, and a few periods, to sorting", () => {
    const { starts, ends } = periods(8, 5000, 1000);
    expect(countedUnion(starts, ends, HORIZON)).toBeUndefined();
    const few = periods(9, 2000, 900_000);
    expect(countedUnion(few.starts, few.ends, HORIZON)).toBeUndefined();
  });

  it("keeps its counts clean from one calendar to the next", () => {
    const first = periods(10, 60_000, 60_000);
    const second = periods(11, 4000, 900_000);
    countedUnion(first.starts, first.ends, HORIZON);
    expect(countedUnion(second.starts, second.ends, HORIZON)).toEqual(plainUnion(second.starts, second.ends));
  });
});
