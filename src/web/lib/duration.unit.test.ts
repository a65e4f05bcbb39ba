import { describe, expect, it } from "vitest";
import { formatDuration } from "./duration";

describe("a time in a video", () => {
  it("reads minutes and seconds under an hour", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(2_000)).toBe("0:02");
    expect(formatDuration(42_999)).toBe("0:42");
    expect(formatDuration(133_000)).toBe("2:13");
    expect(formatDuration(59 * 60_000 + 59_000)).toBe("59:59");
  });

  it("adds hours from an hour on, minutes then in two digits", () => {
    expect(formatDuration(3_600_000)).toBe("1:00:00");
    expect(formatDuration(3_723_000)).toBe("1:02:03");
    expect(formatDuration(36_000_000 + 5_000)).toBe("10:00:05");
  });

  it("reads 0:00 for what is not a time (Infinity from a WebM, NaN, negative)", () => {
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe("0:00");
    expect(formatDuration(Number.NaN)).toBe("0:00");
    expect(formatDuration(-5_000)).toBe("0:00");
  });
});
