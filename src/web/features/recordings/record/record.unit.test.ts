import { describe, expect, it } from "vitest";
import { MIME_CANDIDATES, pickMimeType } from "./media";
import { Stopwatch } from "./stopwatch";

describe("the recorder's type", () => {
  it("takes the first type the browser can record: VP9, then VP8, then any WebM, then MP4 (Safari)", () => {
    expect(pickMimeType(() => true)).toBe("video/webm;codecs=vp9,opus");
    expect(pickMimeType((t) => t !== MIME_CANDIDATES[0])).toBe("video/webm;codecs=vp8,opus");
    expect(pickMimeType((t) => t === "video/mp4")).toBe("video/mp4");
    expect(pickMimeType(() => false)).toBeNull();
  });
});

describe("the recorded time", () => {
  it("counts while recording and holds while paused", () => {
    let now = 0;
    const watch = new Stopwatch(() => now);
    watch.start();
    now = 2_000;
    watch.pause();
    now = 60_000; // Paused for most of a minute: not recorded.
    expect(watch.elapsedMs()).toBe(2_000);
    watch.start();
    now = 63_500;
    expect(watch.elapsedMs()).toBe(5_500);
    expect(watch.running).toBe(true);
  });
});
