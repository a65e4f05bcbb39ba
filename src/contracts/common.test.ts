import { describe, expect, it } from "vitest";
import { BROKEN_TEXT, name, text } from "./common";

describe("text()", () => {
  it("refuses lone surrogates, high or low, anywhere in the string", () => {
    for (const value of ["\ud800", "a\udbff", "\udc00b", "x\ud800\ud800y", "\ude00\ud83d"]) {
      const issues = text().safeParse(value).error?.issues;
      expect(
        issues?.map((i) => i.message),
        JSON.stringify(value),
      ).toEqual([BROKEN_TEXT]);
    }
  });

  it("accepts surrogate pairs and keeps working under the shared field schemas", () => {
    expect(text().parse("😀 日本")).toBe("😀 日本");
    expect(name.parse("  Ana 😀 ")).toBe("Ana 😀");
    expect(name.safeParse("Ana \ud800").success).toBe(false);
  });
});
