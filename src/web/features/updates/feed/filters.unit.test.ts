import { describe, expect, it } from "vitest";
import { formatDateTime } from "../../../lib/time";
import { feedQuery, filtersFromParams, filtersToParams, isFiltered } from "./filters";
import { myReplyBy } from "./item-text";

const team = "33333333-3333-4333-8333-333333333333";

describe("the feed's filters in the address", () => {
  it("reads what the address names and defaults the rest", () => {
    expect(filtersFromParams(new URLSearchParams())).toEqual({
      feed: "mine",
      teamId: null,
      kind: null,
      needsMyReply: false,
      overdue: false,
    });
    const f = filtersFromParams(new URLSearchParams(`feed=team&teamId=${team}&kind=proposal&overdue=true`));
    expect(f).toEqual({ feed: "team", teamId: team, kind: "proposal", needsMyReply: false, overdue: true });
    expect(filtersFromParams(new URLSearchParams("feed=other&kind=nonsense")).kind).toBeNull();
  });

  it("writes only what differs from the default, and round-trips", () => {
    const f = { feed: "mine" as const, teamId: team, kind: null, needsMyReply: true, overdue: false };
    // The team is the team feed's; my feed does not carry it.
    expect(filtersToParams(f).toString()).toBe("needsMyReply=true");
    const back = filtersFromParams(filtersToParams({ ...f, feed: "team", kind: "question" }));
    expect(back).toEqual({ ...f, feed: "team", kind: "question" });
  });

  it("asks the API nothing while the team feed has no team", () => {
    const base = filtersFromParams(new URLSearchParams());
    expect(feedQuery({ ...base, feed: "team" })).toBeNull();
    expect(feedQuery({ ...base, feed: "team", teamId: team })).toEqual({ feed: "team", teamId: team });
    expect(feedQuery(base)).toEqual({});
    expect(isFiltered(base)).toBe(false);
    expect(isFiltered({ ...base, overdue: true })).toBe(true);
  });
});

describe("an update's line in the feed", () => {
  const me = "me";
  const update = {
    needsMyReply: true,
    replyBy: "2026-03-12T17:00:00.000Z",
    responders: [
      { personId: "other", name: "O", timeZone: "UTC", replyBy: "2026-03-12T17:00:00.000Z" },
      { personId: me, name: "Me", timeZone: "Asia/Kolkata", replyBy: "2026-03-11T09:00:00.000Z" },
    ],
  };

  it("gives the viewer's own reply-by in the viewer's zone, and says when it has passed", () => {
    const before = Date.parse("2026-03-10T00:00:00Z");
    expect(myReplyBy(update, me, "Asia/Kolkata", before)).toEqual({
      text: `Reply by ${formatDateTime("2026-03-11T09:00:00.000Z", "Asia/Kolkata")}`,
      overdue: false,
    });
    expect(formatDateTime("2026-03-11T09:00:00.000Z", "Asia/Kolkata")).toContain("14:30");
    const after = Date.parse("2026-03-11T10:00:00Z");
    expect(myReplyBy(update, me, "UTC", after)).toEqual({
      text: `Overdue: reply was due ${formatDateTime("2026-03-11T09:00:00.000Z", "UTC")}`,
      overdue: true,
    });
  });

  it("falls back to the update's reply-by, and says nothing when no reply is asked", () => {
    expect(myReplyBy({ ...update, responders: [] }, me, "UTC", 0)?.text).toBe(
      `Reply by ${formatDateTime(update.replyBy, "UTC")}`,
    );
    expect(myReplyBy({ ...update, needsMyReply: false }, me, "UTC", 0)).toBeNull();
    expect(myReplyBy({ ...update, replyBy: null, responders: [] }, me, "UTC", 0)?.overdue).toBe(false);
  });
});
