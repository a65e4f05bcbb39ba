import { describe, expect, it } from "vitest";
import type { CommentView } from "../../../../contracts/updates";
import { formatDateTime } from "../../../lib/time";
import { commentMarks, commentThreads, escalationText, responderState, startInstant } from "./thread-text";

const comment = (
  id: string,
  minute: number,
  parentId: string | null = null,
  atMs: number | null = null,
): CommentView => ({
  id,
  parentId,
  authorId: "a",
  authorName: "Ana",
  body: id,
  html: `<p>${id}</p>`,
  createdAt: new Date(Date.UTC(2026, 0, 5, 9, minute)).toISOString(),
  atMs,
});

describe("a responder's state", () => {
  const now = Date.parse("2026-01-05T12:00:00Z");
  it("is answered once they answered, even after their reply-by", () => {
    expect(responderState({ replyBy: "2026-01-05T10:00:00Z", answeredAt: "2026-01-05T11:00:00Z" }, now)).toBe(
      "answered",
    );
  });
  it("is overdue once their own reply-by has passed, waiting until then", () => {
    expect(responderState({ replyBy: "2026-01-05T11:59:59Z" }, now)).toBe("overdue");
    expect(responderState({ replyBy: "2026-01-05T12:00:00Z" }, now)).toBe("waiting");
  });
  it("is waiting when they have no reply-by (no working time in 30 days)", () => {
    expect(responderState({ replyBy: null }, now)).toBe("waiting");
  });
});

describe("comment threads", () => {
  it("puts replies under their parent, each list oldest first", () => {
    const threads = commentThreads([
      comment("second", 5),
      comment("reply-late", 9, "first"),
      comment("first", 1),
      comment("reply-early", 6, "first"),
    ]);
    expect(threads.map((t) => t.comment.id)).toEqual(["first", "second"]);
    expect(threads[0]?.replies.map((c) => c.id)).toEqual(["reply-early", "reply-late"]);
    expect(threads[1]?.replies).toEqual([]);
  });
  it("keeps a reply whose parent is gone, at the top level", () => {
    const threads = commentThreads([comment("orphan", 3, "deleted"), comment("top", 1)]);
    expect(threads.map((t) => t.comment.id)).toEqual(["top", "orphan"]);
  });
});

describe("the escalation offer in words", () => {
  const names: Record<string, string> = { me: "Me", p: "Priya", k: "Kenji" };
  const nameOf = (id: string) => names[id] ?? "?";
  const offer = {
    durationMinutes: 25,
    participantIds: ["me", "p", "k"],
    slot: { start: "2026-01-06T15:00:00Z", end: "2026-01-06T15:25:00Z" },
  };
  it("gives the slot in the viewer's zone and names everyone else", () => {
    const text = escalationText(offer, { id: "me", zone: "Asia/Tokyo" }, nameOf);
    expect(text).toBe(
      `Meet for 25 min on ${formatDateTime("2026-01-06T15:00:00Z", "Asia/Tokyo")} (your time) with Priya, Kenji`,
    );
    expect(text).not.toBe(escalationText(offer, { id: "me", zone: "Europe/London" }, nameOf));
  });
  it("asks for a start when there is no common slot", () => {
    expect(escalationText({ ...offer, slot: null }, { id: "me", zone: "UTC" }, nameOf)).toBe(
      "Meet for 25 min with Priya, Kenji: there is no common working time in the next 7 days, so pick a start",
    );
  });
});

describe("a picked start", () => {
  it("is read on the viewer's wall clock", () => {
    expect(startInstant("2026-01-06T15:00", "Asia/Kolkata")).toBe("2026-01-06T09:30:00.000Z");
    expect(startInstant("2026-07-06T15:00", "Europe/London")).toBe("2026-07-06T14:00:00.000Z");
  });
  it("is nothing until complete", () => {
    expect(startInstant("", "UTC")).toBeNull();
    expect(startInstant("2026-01-06", "UTC")).toBeNull();
  });
});

describe("a video's timed comments", () => {
  it("marks each comment that points at a moment, replies too, and no other", () => {
    const comments = [comment("a", 1, null, 2_000), comment("b", 2), comment("c", 3, "a", 42_000)];
    expect(commentMarks(comments)).toEqual([
      { id: "a", atMs: 2_000, name: "Ana" },
      { id: "c", atMs: 42_000, name: "Ana" },
    ]);
  });
});
