import { describe, expect, it } from "vitest";
import type { LogDecisionView } from "../../../../contracts/updates";
import { logQuery, newestFirst, provenance, shortText } from "./log";

const decision = (id: string, decidedAt: string): LogDecisionView => ({
  id,
  text: id,
  source: { type: "update", id: "u", title: "Thread" },
  decidedBy: { personId: "p", name: "Priya" },
  decidedAt,
  supersedes: null,
  supersededBy: null,
  teamId: null,
});

describe("the decision log's query", () => {
  const none = { q: "", teamId: null, from: "", to: "" };
  it("sends nothing for empty filters", () => {
    expect(logQuery({ ...none, q: "   " }, "UTC")).toEqual({});
  });
  it("takes whole local days in the viewer's zone, the last day included", () => {
    expect(logQuery({ ...none, from: "2026-01-14", to: "2026-01-14" }, "Asia/Tokyo")).toEqual({
      from: "2026-01-13T15:00:00.000Z",
      to: "2026-01-14T15:00:00.000Z",
    });
  });
  it("counts a DST day as the 23 hours it has", () => {
    const q = logQuery({ ...none, from: "2026-03-08", to: "2026-03-08" }, "America/New_York");
    expect(Date.parse(q.to ?? "") - Date.parse(q.from ?? "")).toBe(23 * 3_600_000);
  });
  it("trims the text, keeps the team and ignores a half-typed date", () => {
    expect(logQuery({ q: " budget ", teamId: "t1", from: "2026-1", to: "" }, "UTC")).toEqual({
      q: "budget",
      teamId: "t1",
    });
  });
});

describe("decisions in the log", () => {
  it("lists the newest first", () => {
    const list = newestFirst([
      decision("old", "2026-01-01T10:00:00Z"),
      decision("new", "2026-02-01T10:00:00Z"),
      decision("mid", "2026-01-15T10:00:00Z"),
    ]);
    expect(list.map((d) => d.id)).toEqual(["new", "mid", "old"]);
  });
  it("says where each was made, linking the meeting or the thread", () => {
    expect(provenance({ type: "meeting", id: "m1", title: "Roadmap review" })).toEqual({
      words: "in the meeting",
      to: "/meetings/m1",
    });
    expect(provenance({ type: "update", id: "u1", title: "Move the standup" }).to).toBe("/updates/u1");
  });
  it("shortens to the first line", () => {
    expect(shortText("Ship it\nbecause")).toBe("Ship it");
    expect(shortText("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
