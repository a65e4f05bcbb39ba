import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./feed-cursor";
import { excerptOf } from "./updates.summary";

describe("feed cursor", () => {
  it("reads back what it wrote, microseconds kept", () => {
    const cursor = { createdAt: "2026-12-08T10:00:00.123456Z", id: "6f1c2a1e-3b4d-4c5e-8f90-1a2b3c4d5e6f" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([
    "",
    "not base64 json",
    Buffer.from("[1,2]").toString("base64url"),
    Buffer.from('{"t":"2026-12-08T10:00:00Z","id":"nope"}').toString("base64url"),
    Buffer.from('{"t":"yesterday","id":"6f1c2a1e-3b4d-4c5e-8f90-1a2b3c4d5e6f"}').toString("base64url"),
  ])("refuses %j with a sentence naming the cursor", (text) => {
    expect(() => decodeCursor(text)).toThrow("cursor: is not one this feed gave");
  });
});

describe("excerptOf", () => {
  it("is plain text: markup rendered away, entities read, no HTML left", () => {
    expect(excerptOf("# Plan\n\nWe **ship** `v2` & <b>celebrate</b>.")).toBe(
      "Plan We ship v2 & <b>celebrate</b>.",
    );
  });

  it("cuts a long body at a word, about 200 characters", () => {
    const excerpt = excerptOf("word ".repeat(100));
    expect(excerpt.length).toBeLessThanOrEqual(201);
    expect(excerpt).toMatch(/word…$/);
  });
});
