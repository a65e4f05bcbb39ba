import { describe, expect, it } from "vitest";
import { liveEvent } from "../../contracts/events";
import { readLiveEvent } from "./events";

describe("readLiveEvent", () => {
  it("reads what the contract's schema reads, and nothing else", () => {
    const samples = [
      '{"type":"update.changed","id":"u1","at":"2026-12-05T10:00:00Z"}',
      '{"type":"update.changed","id":"u1","at":"2026-12-05T10:00:00Z","extra":1}',
      '{"type":"update.changed","id":7,"at":"2026-12-05T10:00:00Z"}',
      '{"type":"update.changed","at":"2026-12-05T10:00:00Z"}',
      '["update.changed","u1","now"]',
      "null",
      "42",
      "not json",
    ];
    for (const data of samples) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(data);
      } catch {
        parsed = undefined;
      }
      const bySchema = liveEvent.safeParse(parsed);
      expect(readLiveEvent(data)).toEqual(bySchema.success ? bySchema.data : undefined);
    }
    expect(readLiveEvent('{"type":"a","id":"b","at":"c"}')).toEqual({ type: "a", id: "b", at: "c" });
  });
});
