import { describe, expect, it } from "vitest";
import { videoLine } from "./item-text";

describe("a video update in the feed", () => {
  it("says its length", () => {
    expect(videoLine({ status: "ready", durationMs: 133_400 })).toBe("Video · 2:13");
    expect(videoLine({ status: "ready", durationMs: 3_723_000 })).toBe("Video · 1:02:03");
  });

  it("says why it cannot be watched, or just Video without a known length", () => {
    expect(videoLine({ status: "expired", durationMs: 5_000 })).toBe(
      "Video · deleted after the retention period",
    );
    expect(videoLine({ status: "uploading", durationMs: null })).toBe("Video · still uploading");
    expect(videoLine({ status: "ready", durationMs: null })).toBe("Video");
  });
});
