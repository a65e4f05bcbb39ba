import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv } from "./csv";

const fieldsOf = (text: string) => parseCsv(text).map((r) => r.fields);

describe("parseCsv", () => {
  it("splits records on LF and CRLF, with or without a final line break", () => {
    expect(fieldsOf("a,b\nc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(fieldsOf("a,b\r\nc,d\r\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("keeps empty fields, including a trailing one", () => {
    expect(fieldsOf("a,,c,\n")).toEqual([["a", "", "c", ""]]);
    expect(fieldsOf(",")).toEqual([["", ""]]);
  });

  it("reads commas, line breaks and doubled quotes inside quoted fields", () => {
    expect(fieldsOf('"Doe, Jane","say ""hi""","two\r\nlines"\n')).toEqual([
      ["Doe, Jane", 'say "hi"', "two\r\nlines"],
    ]);
    expect(fieldsOf('""\n"",x')).toEqual([[""], ["", "x"]]);
    expect(fieldsOf('"a"""')).toEqual([['a"']]);
  });

  it("numbers each record by the line it starts on", () => {
    const records = parseCsv('h\n"multi\nline"\n\nlast');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4, 5]);
    expect(records[2]?.fields).toEqual([""]);
  });

  it("ignores a byte-order mark and returns nothing for empty text", () => {
    expect(fieldsOf("\uFEFFname\n")).toEqual([["name"]]);
    expect(fieldsOf("")).toEqual([]);
  });

  it("rejects an unclosed quote and stray quotes, naming the line", () => {
    const failure = (text: string) => {
      try {
        parseCsv(text);
      } catch (err) {
        if (err instanceof CsvSyntaxError) return { line: err.line, message: err.message };
      }
      return null;
    };
    expect(failure('a\n"open,b\nc')).toEqual({ line: 2, message: "a quoted field is never closed" });
    expect(failure('a\nb"c')?.line).toBe(2);
    expect(failure('"a"b')?.line).toBe(1);
  });
});
