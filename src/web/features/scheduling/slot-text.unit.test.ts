import { describe, expect, it } from "vitest";
import type { SlotView } from "../../../contracts/scheduling";
import { formatDate } from "../../lib/time";
import { daysBetween, weekFrom, weekStarts, windowOfDates } from "./dates";
import { blockerSentence, explainSlot, kindsFor, nameWithTime, theirTime, type Who } from "./slot-text";

const priya: Who = { id: "p", name: "Priya", timeZone: "Asia/Kolkata" };
const kenji: Who = { id: "k", name: "Kenji", timeZone: "Europe/London" };
const sam: Who = { id: "s", name: "Sam", timeZone: "America/New_York" };
const people = new Map([priya, kenji, sam].map((w) => [w.id, w]));
// Tuesday 8 December 2026, 16:00–16:30 UTC: 21:30 in Kolkata, 16:00 in London, 11:00 in New York.
const START = Date.UTC(2026, 11, 8, 16);

function slot(attendees: Partial<SlotView["attendees"][number]>[], score = 100): SlotView {
  return {
    start: new Date(START).toISOString(),
    end: new Date(START + 30 * 60_000).toISOString(),
    score,
    attendees: attendees.map((a) => ({
      personId: "?",
      free: true,
      inWorkingHours: true,
      localStart: "",
      ...a,
    })),
    blockers: [],
  };
}

describe("slots in words", () => {
  it("puts the other person's local time beside their name, with the day when it differs", () => {
    expect(nameWithTime(priya, START, "Europe/London")).toBe("Priya · 21:30 their time");
    expect(nameWithTime(kenji, START, "Europe/London")).toBe("Kenji");
    expect(theirTime("2026-12-09T01:30", "2026-12-08T20:00")).toBe(`${formatDate("2026-12-09")} 01:30`);
  });

  it("classifies early, late and outside hours on the person's own clock", () => {
    expect(kindsFor(priya, START, START + 30 * 60_000, false)).toEqual(["late", "outside"]);
    expect(kindsFor(sam, START, START + 30 * 60_000, true)).toEqual([]);
  });

  it("explains a ranking in one sentence", () => {
    const required = new Set(["k", "s"]);
    expect(
      explainSlot(
        slot([{ personId: "k" }, { personId: "s" }, { personId: "p", free: false }]),
        people,
        new Set(["k", "s"]),
      ),
    ).toBe("Everyone inside working hours; late for Priya; 1 optional person busy.");
    expect(
      explainSlot(
        slot([{ personId: "k" }, { personId: "p", inWorkingHours: false }], 88),
        people,
        new Set(["k", "p"]),
      ),
    ).toBe("Outside working hours for Priya; late for Priya.");
    expect(explainSlot(slot([{ personId: "k" }, { personId: "s" }], 98), people, required)).toBe(
      "Everyone inside working hours; leaves someone a short gap or overlaps focus time.",
    );
  });
});

describe("dates of the forms", () => {
  it("turns local dates into a window and weeks in the viewer's zone", () => {
    expect(windowOfDates("Asia/Kolkata", "2026-12-07", "2026-12-13")).toEqual({
      start: Date.UTC(2026, 11, 6, 18, 30),
      end: Date.UTC(2026, 11, 13, 18, 30),
    });
    expect(daysBetween("2026-12-07", "2026-12-13")).toBe(7);
    expect(daysBetween("2026-12-07", "2026-12-01")).toBe(0);
    expect(daysBetween("", "2026-12-01")).toBe(0);
    expect(weekStarts("2026-12-07", "2026-12-20")).toEqual(["2026-12-07", "2026-12-14"]);
    const week = weekFrom("Europe/London", "2027-03-25");
    expect(week).toHaveLength(7);
    // Sunday 28 March 2027 is 23 hours long in London.
    expect(week.map((d) => (d.end - d.start) / 3_600_000)).toEqual([24, 24, 24, 23, 24, 24, 24]);
  });
});

describe("blockers in words", () => {
  it("says who pays for a slot and why, with their local time", () => {
    const aiko = { id: "aiko", name: "Aiko", timeZone: "Asia/Tokyo" };
    const byId = new Map([
      [aiko.id, aiko],
      [sam.id, sam],
    ]);
    expect(blockerSentence({ personId: "aiko", reason: "before_hours", localTime: "07:00" }, byId)).toBe(
      "Aiko: 07:00 local, before working hours",
    );
    expect(blockerSentence({ personId: sam.id, reason: "busy", localTime: "11:00" }, byId)).toBe(
      `${sam.name}: busy`,
    );
    expect(blockerSentence({ personId: "aiko", reason: "no_meeting_day", localTime: "07:00" }, byId)).toBe(
      "Aiko: a no-meeting day in the agreement",
    );
  });
});
