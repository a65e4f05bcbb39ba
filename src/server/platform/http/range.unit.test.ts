import { describe, expect, it } from "vitest";
import { parseRange } from "./range";

const partial = (start: number, end: number) => ({ kind: "partial", start, end });

describe("parseRange", () => {
  it("answers the whole file without a header", () => {
    expect(parseRange(undefined, 100)).toEqual({ kind: "whole" });
  });

  it("reads the first bytes, a middle and the last byte", () => {
    expect(parseRange("bytes=0-9", 100)).toEqual(partial(0, 9));
    expect(parseRange("bytes=40-59", 100)).toEqual(partial(40, 59));
    expect(parseRange("bytes=99-99", 100)).toEqual(partial(99, 99));
  });

  it("reads an open end up to the last byte", () => {
    expect(parseRange("bytes=90-", 100)).toEqual(partial(90, 99));
    expect(parseRange("bytes=0-", 100)).toEqual(partial(0, 99));
  });

  it("reads a suffix as the last n bytes, all of them when n is larger", () => {
    expect(parseRange("bytes=-10", 100)).toEqual(partial(90, 99));
    expect(parseRange("bytes=-500", 100)).toEqual(partial(0, 99));
  });

  it("clips an end beyond the file to its last byte", () => {
    expect(parseRange("bytes=50-1000", 100)).toEqual(partial(50, 99));
    expect(parseRange("bytes=0-99999999999999999999", 100)).toEqual(partial(0, 99));
  });

  it("is unsatisfiable when it starts at or past the end, or asks for no bytes", () => {
    expect(parseRange("bytes=100-", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=100-200", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", 100)).toEqual({ kind: "unsatisfiable" });
  });

  it("ignores a range whose end is before its start (RFC 9110: invalid)", () => {
    expect(parseRange("bytes=50-10", 100)).toEqual({ kind: "whole" });
  });

  it("ignores what it does not read: garbage, other units, missing numbers, negative or fractional", () => {
    for (const header of [
      "",
      "bytes",
      "bytes=",
      "bytes=-",
      "bytes=a-b",
      "items=0-9",
      "0-9",
      "bytes=1.5-2",
      "bytes=--1",
    ])
      expect({ header, answer: parseRange(header, 100) }).toEqual({ header, answer: { kind: "whole" } });
  });

  it("accepts the unit in any case and spaces around it", () => {
    expect(parseRange("Bytes = 0-9 ", 100)).toEqual(partial(0, 9));
  });

  it("serves several ranges as the whole file (kept simple)", () => {
    expect(parseRange("bytes=0-9,20-29", 100)).toEqual({ kind: "whole" });
    expect(parseRange("bytes=0-9, -5", 100)).toEqual({ kind: "whole" });
  });

  it("answers an empty file whole for a suffix, unsatisfiable for any start", () => {
    expect(parseRange("bytes=-10", 0)).toEqual({ kind: "whole" });
    expect(parseRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=0-9", 0)).toEqual({ kind: "unsatisfiable" });
  });
});
